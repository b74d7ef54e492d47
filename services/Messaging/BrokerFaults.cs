using System.Net.Sockets;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Tells a failure of the broker or the way to it (which passes, and which every message would meet) from a failure of
/// one message. Only the second kind counts towards setting a message aside: a broker outage of an hour must leave
/// every message where it is, in order, waiting.
/// </summary>
public static class BrokerFaults
{
    public static bool Caused(Exception failure)
    {
        for (var ex = failure; ex is not null; ex = ex.InnerException)
        {
            if (ex is OperationCanceledException or TimeoutException or IOException or SocketException
                or ConnectionException or TransportException or TransportUnavailableException or MassTransit.PublishException or RabbitMQClientException)
            {
                return true;
            }
        }

        return false;
    }
}
