"""Resolution across documents: entities to identities (`linker`), analyst judgements (`judgements`),
rebuilding everything from the stored entities (`rebuild`), stories of articles about one event (`stories`)."""
