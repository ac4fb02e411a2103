CREATE TABLE "conversation_references" (
	"platform" text NOT NULL,
	"key" text NOT NULL,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_references_platform_key_pk" PRIMARY KEY("platform","key")
);
