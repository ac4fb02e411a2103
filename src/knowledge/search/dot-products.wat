;; The inner loop of ranking by meaning: one question's vector against every article's, four lanes at a
;; time. vector-table.ts owns the memory and its layout; dot-products.wasm is this file assembled
;; (`npm run build:wasm`), and a unit test fails if the two ever differ.
(module
  (import "table" "memory" (memory 1))
  ;; out[row] = dot(question, rows[row]) for row in 0..count. Rows are `stride` floats long, a multiple
  ;; of 4 (padded with zeros), laid end to end from `rows`; every pointer is a byte offset, 16-aligned.
  (func (export "dotProducts")
    (param $question i32) (param $rows i32) (param $stride i32) (param $count i32) (param $out i32)
    (local $row i32) (local $at i32) (local $offset i32) (local $rowBytes i32) (local $sum v128)
    (local.set $rowBytes (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $at (local.get $rows))
    (block $done
      (loop $eachRow
        (br_if $done (i32.ge_u (local.get $row) (local.get $count)))
        (local.set $sum (f32x4.splat (f32.const 0)))
        (local.set $offset (i32.const 0))
        (block $rowDone
          (loop $eachLane
            (br_if $rowDone (i32.ge_u (local.get $offset) (local.get $rowBytes)))
            (local.set $sum
              (f32x4.add
                (local.get $sum)
                (f32x4.mul
                  (v128.load (i32.add (local.get $question) (local.get $offset)))
                  (v128.load (i32.add (local.get $at) (local.get $offset))))))
            (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
            (br $eachLane)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $row) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $sum)) (f32x4.extract_lane 1 (local.get $sum)))
            (f32.add (f32x4.extract_lane 2 (local.get $sum)) (f32x4.extract_lane 3 (local.get $sum)))))
        (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $eachRow))))
)
