package io.portevoix.delivery.application;

import io.portevoix.audience.Audience;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.Recipient;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.Outbox;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.delivery.application.port.DeliveryJobs;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Campaigns' outbox: the audience resolved once, in the campaign's transaction, into one row per
 * recipient (written in batches while PostgreSQL streams the recipients), then workers enqueued
 * after the commit.
 */
@Service
class OutboxService implements Outbox {

    static final int BATCH = 1_000;
    /**
     * From this many recipients a frozen run refreshes its month's statistics before it sends
     * (ANALYZE reads a sample of 30,000 rows however large the month is), against a planner that
     * otherwise treats the run's pending messages as a handful and scans all of them for every
     * group it marks.
     */
    static final int ANALYZE_FROM = 1_000;

    private final Messages messages;
    private final AudienceQueries audiences;
    private final DeliveryJobs jobs;
    private final DeliverySettings settings;
    private final org.springframework.beans.factory.ObjectProvider<io.portevoix.delivery.spi.TrackingLinks> links;
    private final SmsGateways gateways;
    private final java.time.Clock clock;
    private final io.portevoix.delivery.application.port.SmtpServerTable servers;

    OutboxService(Messages messages, AudienceQueries audiences, DeliveryJobs jobs, DeliverySettings settings,
            org.springframework.beans.factory.ObjectProvider<io.portevoix.delivery.spi.TrackingLinks> links,
            SmsGateways gateways, io.portevoix.delivery.application.port.SmtpServerTable servers, java.time.Clock clock) {
        this.clock = clock;
        this.servers = servers;
        this.links = links;
        this.gateways = gateways;
        this.messages = messages;
        this.audiences = audiences;
        this.jobs = jobs;
        this.settings = settings;
    }

    @Override
    public long freeze(RunId run, io.portevoix.campaigns.CampaignId campaign, Audience audience, Channel channel,
            BroadcastType type) {
        AccountId account = TenantContext.requireAccount();
        if (messages.frozen(account, run)) {
            return 0;
        }
        List<Recipient> batch = new ArrayList<>(BATCH);
        long[] written = {0};
        audiences.recipients(audience, channel, type, recipient -> {
            batch.add(recipient);
            if (batch.size() == BATCH) {
                written[0] += messages.insert(account, run, campaign, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            written[0] += messages.insert(account, run, campaign, batch);
        }
        return written[0];
    }

    @Override
    public long freezeSms(RunId run, io.portevoix.campaigns.CampaignId campaign,
            List<io.portevoix.campaigns.spi.SmsRecipient> recipients) {
        return messages.insertSms(TenantContext.requireAccount(), run, campaign, recipients);
    }

    @Override
    public String smsAsSent(String text) {
        io.portevoix.delivery.spi.TrackingLinks signer = links.getIfAvailable();
        return signer == null ? text : signer.previewSms(text);
    }

    @Override
    public boolean smsAvailable() {
        return gateways.of(TenantContext.requireAccount()).isPresent();
    }

    @Override
    public void sendTestSms(List<String> numbers, String senderId, String text) {
        io.portevoix.delivery.application.port.SmsGateway gateway = gateways.of(TenantContext.requireAccount())
                .orElseThrow(() -> new IllegalStateException("No SMS gateway is configured to send the test"));
        String sender = senderId.isEmpty() ? settings.sms().sender() : senderId;
        List<io.portevoix.delivery.application.port.SmsSubmission> answers = gateway.submit(numbers.stream()
                .map(n -> new io.portevoix.delivery.application.port.OutgoingSms(0, sender, n, text)).toList());
        answers.stream().filter(a -> a.outcome() != io.portevoix.delivery.application.port.SmsSubmission.Outcome.ACCEPTED)
                .findFirst().ifPresent(a -> {
                    throw new IllegalStateException("The SMS gateway did not take the test: " + a.reason());
                });
    }

    @Override
    public int maxSmsParts() {
        return gateways.maxParts(TenantContext.requireAccount());
    }

    @Override
    public int resendUnknown(RunId run) {
        return messages.resendUnknown(TenantContext.requireAccount(), run, clock.instant());
    }

    @Override
    public void start(RunId run) {
        AccountId account = TenantContext.requireAccount();
        messages.analyzeFrozen(account, run, ANALYZE_FROM);
        jobs.deliver(account, run);
    }

    @Override
    public List<io.portevoix.campaigns.spi.MailServerChoice> mailServers() {
        return servers.all().stream().filter(io.portevoix.delivery.application.port.SmtpServerTable.Row::enabled)
                .map(r -> new io.portevoix.campaigns.spi.MailServerChoice(r.id(), r.name())).toList();
    }

    @Override
    public String defaultSender() {
        return settings.defaultSender();
    }

    @Override
    public List<io.portevoix.campaigns.spi.RunRecipient> recipients(RunId run, int offset, int limit) {
        return messages.ofRun(TenantContext.requireAccount(), run, offset, limit);
    }

    @Override
    public RunFigures figures(RunId run) {
        return messages.figures(TenantContext.requireAccount(), run);
    }
}
