using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests;

/// <summary>Every test class of this assembly shares one PostgreSQL server and one RabbitMQ node; each test gets its own databases and virtual host.</summary>
[CollectionDefinition("infrastructure")]
public sealed class InfrastructureCollection : ICollectionFixture<SharedInfrastructure>;
