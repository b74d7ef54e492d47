using PetitionPlatform.TestSupport;

namespace PetitionPlatform.InfrastructureTests;

/// <summary>Test classes in this collection share one PostgreSQL server and one RabbitMQ node, each test with its own database or virtual host.</summary>
[CollectionDefinition(SharedInfrastructure.CollectionName)]
public sealed class InfrastructureCollection : ICollectionFixture<SharedInfrastructure>;
