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

    /** Starts handing the run's messages to the servers, once the current transaction commits. */
    void start(RunId run);

    /** The sender address used when a campaign names none (PORTEVOIX_MAIL_FROM, else noreply at the public host). */
    String defaultSender();

    /** A page of the run's recipients with their message's state, in the order they were frozen. */
    java.util.List<RunRecipient> recipients(RunId run, int offset, int limit);

    /** Where the run's messages stand. */
    RunFigures figures(RunId run);
}
