-- pgvector must exist before any vector(D) column; PGlite loads it as a WASM extension,
-- PostgreSQL needs the server package (scripts/install-pgvector.sh).
CREATE EXTENSION IF NOT EXISTS vector;
