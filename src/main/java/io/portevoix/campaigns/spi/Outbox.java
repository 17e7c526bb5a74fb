package io.portevoix.campaigns.spi;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.campaigns.RunId;

/**
 * What campaigns need from delivery, which implements it: the outbox of a send run. Freezing
 * resolves the audience once, in the caller's transaction, into one outbox row per recipient; the
 * messages leave after that transaction commits, while the campaign is sending.
 */
public interface Outbox {

    /** Writes the run's recipients into the outbox and returns how many (0 when the run was already frozen). */
    long freeze(RunId run, io.portevoix.campaigns.CampaignId campaign, Audience audience, Channel channel,
            BroadcastType type);

    /** Writes a batch of an SMS run's recipients, each with its parts and credits; returns how many rows were new. */
    long freezeSms(RunId run, io.portevoix.campaigns.CampaignId campaign, java.util.List<SmsRecipient> recipients);

    /**
     * An SMS text as it will leave: every http(s) link replaced by a short link of the real
     * length (so counting prices what is sent).
     */
    String smsAsSent(String text);

    /** Whether an SMS gateway is configured (the demo sandbox counts). */
    boolean smsAvailable();

    /**
     * Sends test SMS straight to the gateway, outside any run, not counted and not charged;
     * {@code senderId} empty: the shared sending number.
     */
    void sendTestSms(java.util.List<String> numbers, String senderId, String text);

    /** The most parts an SMS of this account may have (3 by default); longer ones are not sent. */
    int maxSmsParts();

    /** Puts the run's messages whose outcome is unknown back in line (due now); returns how many. */
    int resendUnknown(RunId run);

    /** Starts handing the run's messages to the servers, once the current transaction commits. */
    void start(RunId run);

    /** The installation's enabled SMTP servers, which a campaign may restrict its e-mail to. */
    java.util.List<MailServerChoice> mailServers();

    /** The sender address used when a campaign names none (PORTEVOIX_MAIL_FROM, else noreply at the public host). */
    String defaultSender();

    /** A page of the run's recipients with their message's state, in the order they were frozen. */
    java.util.List<RunRecipient> recipients(RunId run, int offset, int limit);

    /** Where the run's messages stand. */
    RunFigures figures(RunId run);
}
