-- As SQLite's 0009_fold_place_mentions: the countries and provinces a document names are read from
-- mentions and entities.kind (0003), so the separate place_mentions table (0007) goes.
DROP TABLE place_mentions;
