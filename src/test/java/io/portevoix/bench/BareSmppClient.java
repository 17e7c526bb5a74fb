package io.portevoix.bench;

import io.portevoix.support.SmppTestServer;
import io.portevoix.templates.GsmAlphabet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * The physical limit of an SMPP server for the benchmarks: a bare jSMPP transceiver session on
 * which {@code window} threads submit in a loop, each waiting for its answer (the same concurrency
 * as the gateway's window, without batching nor outcome bookkeeping). Texts are GSM 7-bit, one part.
 */
final class BareSmppClient implements AutoCloseable {

    private final SMPPSession session;
    private final int window;

    private BareSmppClient(SMPPSession session, int window) {
        this.session = session;
        this.window = window;
    }

    static BareSmppClient bind(SmppTestServer server, int window) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(30_000);
        session.setPduProcessorDegree(window);
        session.connectAndBind(server.host(), server.port(), new BindParameter(BindType.BIND_TRX, server.systemId(),
                server.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        return new BareSmppClient(session, window);
    }

    /** Submits {@code messages} SMS, the i-th to {@code 336…i} with {@code text.apply(i)}; returns the nanoseconds taken. */
    long submit(int messages, IntFunction<String> text) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < window; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                "ClubNantes", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                "336" + (10_000_000 + i % 90_000_000), new ESMClass(), (byte) 0, (byte) 0, null,
                                null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                                new RawDataCoding((byte) 0), (byte) 0, GsmAlphabet.encode(text.apply(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }
}
