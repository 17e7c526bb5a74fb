package io.portevoix.support;

import io.portevoix.templates.GsmAlphabet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC in the test's JVM (jSMPP's server side) on a free loopback port. It accepts transceiver
 * binds with the expected credentials, records every submit_sm as it arrived, answers with
 * message ids {@code 1, 2, 3, …} (hex), and can be scripted: answer the next submits with an error
 * status, delay every answer, drop the connection (now or instead of answering a submit), refuse
 * binds, and deliver receipts and replies to the bound client.
 */
public final class SmppTestServer implements AutoCloseable {

    /** One submit_sm as the server received it. */
    public record Submitted(String messageId, String sourceAddress, byte sourceTon, byte sourceNpi,
            String destinationAddress, byte destinationTon, byte destinationNpi, byte esmClass, byte dataCoding,
            byte registeredDelivery, byte[] shortMessage) {

        public boolean udhi() {
            return (esmClass & 0x40) != 0;
        }

        /** The user data header including its length octet, empty without UDHI. */
        public byte[] udh() {
            return udhi() ? Arrays.copyOf(shortMessage, (shortMessage[0] & 0xFF) + 1) : new byte[0];
        }

        /** The short message without its header. */
        public byte[] body() {
            return Arrays.copyOfRange(shortMessage, udh().length, shortMessage.length);
        }

        /** The body decoded by its data coding (GSM 7-bit unpacked septets or UCS-2). */
        public String text() {
            byte[] body = body();
            return dataCoding == 0x08 ? new String(body, StandardCharsets.UTF_16BE)
                    : GsmAlphabet.decode(body, 0, body.length);
        }
    }

    private final String systemId;
    private final String password;
    private final boolean recording;
    private final ServerSocket socket;
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private volatile long delayMillis;
    private volatile int dropOnSubmit = -1;
    private volatile boolean refuseBinds;
    private volatile boolean closed;

    private SmppTestServer(String systemId, String password, boolean recording) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.recording = recording;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.listener = new SMPPServerSessionListener(0, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int port) {
                return new NoDelayServerConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout) {
                return listen(port);
            }

            @Override
            public ServerConnection listen(int port, int timeout, int backlog) {
                return listen(port);
            }
        });
        listener.setPduProcessorDegree(32);
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new Receiver());
        this.acceptor = Thread.ofPlatform().daemon().name("smpp-test-server").start(this::acceptLoop);
    }

    /** A server that records every submit_sm, accepting system id {@code portevoix} / {@code secret}. */
    public static SmppTestServer start() throws IOException {
        return new SmppTestServer("portevoix", "secret", true);
    }

    /** A server that only counts submits (benchmarks). */
    public static SmppTestServer startCounting() throws IOException {
        return new SmppTestServer("portevoix", "secret", false);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String systemId() {
        return systemId;
    }

    public String password() {
        return password;
    }

    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    public long submitCount() {
        return submits.get();
    }

    public int bindCount() {
        return binds.get();
    }

    /** Answers the next {@code count} submit_sm with {@code status} (0: accept) before the default of accepting. */
    public void answerNext(int count, int status) {
        synchronized (scriptedStatuses) {
            for (int i = 0; i < count; i++) {
                scriptedStatuses.add(status);
            }
        }
    }

    /** Delays every answer to a submit_sm by {@code delay}. */
    public void delayResponses(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /** Drops the connection instead of answering the {@code n}-th submit_sm from now (1 = the next). */
    public void dropOnSubmit(int n) {
        this.dropOnSubmit = (int) submits.get() + n;
    }

    /** Refuses binds (ESME_RBINDFAIL) while set. */
    public void refuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
    }

    /** Closes every client connection at once, as a crashing SMSC or a network cut would. */
    public void drop() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** Delivers a receipt for {@code messageId} with the state ({@code DELIVRD}, …) and error code. */
    public void sendReceipt(String messageId, DeliveryReceiptState state, String error) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                new Date(), new Date(), state, error, "Porte-Voix");
        boundSession().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "33612345678",
                TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "PorteVoix",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding((byte) 0),
                receipt.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Delivers a reply from a phone ({@code from} without '+', international), GSM 7-bit when it can, else UCS-2. */
    public void sendReply(String from, String to, String text) throws Exception {
        boolean gsm = io.portevoix.templates.SmsLength.encoding(text) == io.portevoix.templates.SmsEncoding.GSM_7BIT;
        boundSession().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(0), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new RawDataCoding(gsm ? (byte) 0x00 : (byte) 0x08),
                gsm ? GsmAlphabet.encode(text) : text.getBytes(StandardCharsets.UTF_16BE));
    }

    private SMPPServerSession boundSession() {
        return sessions.stream().filter(session -> session.getSessionState().isBound()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No client is bound"));
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                Thread.ofVirtual().start(() -> awaitBind(session));
            } catch (IOException e) {
                if (!closed) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest bind = session.waitForBind(5_000);
            if (refuseBinds || bind.getBindType() != BindType.BIND_TRX || !systemId.equals(bind.getSystemId())
                    || !password.equals(bind.getPassword())) {
                bind.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                return;
            }
            bind.accept("test-smsc");
            sessions.add(session);
            binds.incrementAndGet();
        } catch (TimeoutException | IOException | PDUStringException | IllegalStateException e) {
            session.close();
        }
    }

    /** Accepted sockets answer without Nagle's delay, as an SMSC tuned for throughput does. */
    private static final class NoDelayServerConnection extends ServerSocketConnection {

        private final ServerSocket socket;

        NoDelayServerConnection(ServerSocket socket) {
            super(socket);
            this.socket = socket;
        }

        @Override
        public Connection accept() throws IOException {
            Socket accepted = socket.accept();
            accepted.setTcpNoDelay(true);
            return new SocketConnection(accepted);
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            long n = submits.incrementAndGet();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (n == dropOnSubmit) {
                source.close();
                throw new ProcessRequestException("dropped", SMPPConstant.STAT_ESME_RSYSERR);
            }
            Integer status;
            synchronized (scriptedStatuses) {
                status = scriptedStatuses.poll();
            }
            if (status != null && status != 0) {
                throw new ProcessRequestException("scripted", status);
            }
            String id = Long.toHexString(ids.incrementAndGet());
            if (recording) {
                submitted.add(new Submitted(id, submitSm.getSourceAddr(), submitSm.getSourceAddrTon(),
                        submitSm.getSourceAddrNpi(), submitSm.getDestAddress(), submitSm.getDestAddrTon(),
                        submitSm.getDestAddrNpi(), submitSm.getEsmClass(), submitSm.getDataCoding(),
                        submitSm.getRegisteredDelivery(), submitSm.getShortMessage()));
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        drop();
        listener.close();
        acceptor.interrupt();
    }
}
