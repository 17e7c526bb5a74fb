package io.portevoix.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A DNS server on 127.0.0.1 (UDP, any free port) that answers TXT questions from an in-memory map,
 * NXDOMAIN otherwise, with dnsjava's wire format. JNDI's DNS provider — the application's look-ups
 * and Simple Java Mail's DKIM signer — asks it while the {@code java.naming.provider.url} system
 * property names it ({@link #useForJndi()}).
 */
public final class TestDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TestDnsServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("test-dns").start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Publishes (replaces) the TXT value at {@code name}. */
    public void txt(String name, String value) {
        txt.put(key(name), List.of(value));
    }

    public void remove(String name) {
        txt.remove(key(name));
    }

    /** Makes JNDI DNS look-ups without an explicit server ask this one, until {@link #close()}. */
    public TestDnsServer useForJndi() {
        System.setProperty("java.naming.provider.url", "dns://127.0.0.1:" + port());
        return this;
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.addRecord(question, Section.QUESTION);
                List<String> values = txt.get(question.getName().toString().toLowerCase(Locale.ROOT));
                if (values == null) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                } else if (question.getType() == Type.TXT || question.getType() == Type.ANY) {
                    for (String value : values) {
                        answer.addRecord(new TXTRecord(Name.fromString(question.getName().toString()), DClass.IN, 60,
                                split(value)), Section.ANSWER);
                    }
                }
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /** A TXT record holds strings of at most 255 bytes: a DKIM key is published as several. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            parts.add(value.substring(i, Math.min(value.length(), i + 255)));
        }
        return parts;
    }

    @Override
    public void close() {
        running = false;
        System.clearProperty("java.naming.provider.url");
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
