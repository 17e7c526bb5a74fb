package io.portevoix.delivery.adapter.sandbox;

import io.portevoix.delivery.SandboxSms;
import io.portevoix.delivery.application.port.CapturedSms;
import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsSubmission;
import io.portevoix.templates.SmsLength;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's SMS gateway: accepts every SMS, keeps the last {@value #KEPT} in memory, and
 * answers each part with a delivery receipt about a second later, as an operator would: numbers
 * ending in 0000 never receive it (FAILED), the others do (DELIVERED). It runs with the mail
 * sandbox ({@code portevoix.delivery.sandbox.enabled}).
 */
@Component
@ConditionalOnProperty(name = "portevoix.delivery.sandbox.enabled", havingValue = "true")
class SandboxSmsGateway implements SmsGateway, CapturedSms, DisposableBean {

    static final int KEPT = 1_000;
    /** Ids unique across restarts, as an operator's are (mostly) unique. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final ConcurrentSkipListMap<Integer, SandboxSms> kept = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("sms-sandbox").factory());
    private final Duration receiptDelay;
    private final Clock clock;
    private volatile @Nullable SmsListener listener;

    SandboxSmsGateway(Clock clock) {
        this.clock = clock;
        this.receiptDelay = Duration.ofMillis(800);
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public List<SmsSubmission> submit(List<OutgoingSms> batch) {
        List<SmsSubmission> outcomes = new ArrayList<>(batch.size());
        for (OutgoingSms sms : batch) {
            SmsLength length = SmsLength.of(sms.text());
            int id = ids.incrementAndGet();
            List<String> parts = new ArrayList<>();
            for (int i = 1; i <= length.parts(); i++) {
                parts.add("sbx-" + RUN + "-" + id + "-" + i);
            }
            kept.put(id, new SandboxSms(id, clock.instant(), sms.sender(), sms.to(), sms.text(), length.parts(),
                    length.encoding().name(), null));
            while (kept.size() > KEPT) {
                kept.pollFirstEntry();
            }
            boolean reached = !sms.to().endsWith("0000");
            receipts.schedule(() -> receipt(id, parts, reached), receiptDelay.toMillis(), TimeUnit.MILLISECONDS);
            outcomes.add(SmsSubmission.accepted(parts));
        }
        return outcomes;
    }

    private void receipt(int id, List<String> parts, boolean reached) {
        SmsListener target = listener;
        String status = reached ? "DELIVERED" : "FAILED";
        kept.computeIfPresent(id, (key, m) -> new SandboxSms(m.id(), m.receivedAt(), m.from(), m.to(), m.text(), m.parts(),
                m.encoding(), status));
        if (target != null) {
            for (String part : parts) {
                target.receipt(new SmsListener.Receipt(name(), part, reached ? SmsListener.ReceiptStatus.DELIVERED
                        : SmsListener.ReceiptStatus.FAILED, reached ? "" : "UNDELIV: absent subscriber", clock.instant()));
            }
        }
    }

    @Override
    public void listen(SmsListener listener) {
        this.listener = listener;
    }

    @Override
    public boolean running() {
        return true;
    }

    @Override
    public List<SandboxSms> all() {
        return List.copyOf(kept.descendingMap().values());
    }

    @Override
    public void reply(String from, String text) {
        SmsListener target = listener;
        if (target != null) {
            target.reply(new SmsListener.Reply(name(), from, "", text, clock.instant()));
        }
    }

    @Override
    public void destroy() {
        receipts.shutdownNow();
    }
}
