-- place_mentions (0008) repeated what mentions and entities.kind already hold since 0004: every
-- country and province a document names is an entity of that kind (country:FR, province:TH-10)
-- with its mentions. The place pages and the province chart read those now; the copy goes.
DROP TABLE place_mentions;
