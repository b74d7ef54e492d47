using System.Text;
using RabbitMQ.Client;

namespace PetitionPlatform.InfrastructureTests.RabbitMq;

/// <summary>A real AMQP round trip: declare a queue, publish to it, get the message back.</summary>
internal static class Amqp
{
    public static async Task<string?> RoundTripAsync(string connectionString, string text)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync(exclusive: true);
        await channel.BasicPublishAsync(string.Empty, queue.QueueName, Encoding.UTF8.GetBytes(text));
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await channel.BasicGetAsync(queue.QueueName, autoAck: true) is { } message)
            {
                return Encoding.UTF8.GetString(message.Body.Span);
            }

            await Task.Delay(50);
        }

        return null;
    }
}
