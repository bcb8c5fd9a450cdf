using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Curation;

/// <summary>The curation suite on a SQLite file.</summary>
public sealed class SqliteCurationTests : CurationTests<SqliteStoreFixture>;
