namespace NewsRoom.Web.Data;

/// <summary>The store's resolved connection string, for the few readers that talk to SQLite without a context.</summary>
public sealed record StoreConnection(string ConnectionString);
