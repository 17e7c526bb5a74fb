package io.portevoix.delivery.adapter.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Plain sockets with {@code TCP_NODELAY}, for Angus Mail's {@code mail.smtp.socketFactory.class}
 * and {@code mail.smtps.socketFactory.class} (Angus calls the static {@link #getDefault()}; for
 * SMTPS and STARTTLS it layers TLS over this socket, which keeps the option). Without it, a reused
 * connection stalls about 40 ms on each message larger than Angus's output buffer: Nagle holds the
 * message's last segment until the server acknowledges the previous one, and the server delays
 * that ACK. (A {@code SocketFactory} instance cannot be given instead: Simple Java Mail turns
 * property values into strings.) Public because Angus instantiates it by name.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    public static SocketFactory getDefault() {
        return INSTANCE;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, 0, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(localHost, localPort, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, 0, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(localAddress, localPort, new InetSocketAddress(address, port));
    }

    private Socket connected(@Nullable InetAddress local, int localPort, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, localPort));
        }
        socket.connect(remote);
        return socket;
    }
}
