CREATE TABLE "article_embeddings" (
	"article_id" text NOT NULL,
	"model" text NOT NULL,
	"content_hash" text NOT NULL,
	"vector" real[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_embeddings_article_id_model_content_hash_pk" PRIMARY KEY("article_id","model","content_hash")
);
