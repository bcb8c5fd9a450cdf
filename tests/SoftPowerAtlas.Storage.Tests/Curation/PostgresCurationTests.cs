using SoftPowerAtlas.Storage.Tests.Postgres;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>The curation suite on a PostgreSQL database of its own.</summary>
public sealed class PostgresCurationTests : CurationTests<PostgresStoreFixture>;
