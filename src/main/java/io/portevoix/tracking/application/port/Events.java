package io.portevoix.tracking.application.port;

import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.spi.EngagementFigures;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Tracked links and the opens, clicks and unsubscribes of recipients. */
public interface Events {

    /** One recorded hit. */
    record Event(AccountId account, CampaignId campaign, ContactId contact, String kind, @Nullable Integer link,
            boolean machine, String userAgent, Instant at) {
    }

    /** The number of a campaign's link, given it on first use. */
    int linkNumber(AccountId account, CampaignId campaign, String url);

    Optional<String> url(AccountId account, CampaignId campaign, int number);

    /** Writes hits of one account in one batch. */
    void insert(AccountId account, List<Event> events);

    /** A member of a campaign, whose clicks the burst rule looks at. */
    record Recipient(CampaignId campaign, ContactId contact) {
    }

    /**
     * The burst rule: for each recipient, when their clicks since {@code since} hit every link of the
     * campaign (at least {@code minLinks} of them) within {@code window}, those clicks are flagged as
     * machine activity; returns how many were flagged.
     */
    int flagBursts(AccountId account, java.util.Collection<Recipient> recipients, Instant since, java.time.Duration window,
            int minLinks);

    /** Opens (human, machine) and human web-version views of a campaign per bucket, every bucket present. */
    List<io.portevoix.tracking.OpensBucket> opensOverTime(AccountId account, CampaignId campaign, Instant from,
            java.time.Duration bucket, int buckets);

    EngagementFigures figures(AccountId account, CampaignId campaign);

    /** The campaigns the member opened (a click counts as an open) or clicked, people only. */
    java.util.Set<CampaignId> engagedCampaigns(AccountId account, ContactId contact, String kind);

    /** A short link's row: whose it is and which link of which campaign. */
    record ShortLink(AccountId account, CampaignId campaign, ContactId contact, int link) {
    }

    /** Writes one short link per (contact, link number) pair, in order; returns their ids in the same order. */
    List<Long> insertShortLinks(AccountId account, CampaignId campaign, List<ContactId> contacts, List<Integer> links);

    /** The short link with this id, whatever the current account (the visitor presents the id). */
    Optional<ShortLink> shortLink(long id);

    /**
     * Makes sure the monthly partitions of the hits exist from the month of {@code from} for
     * {@code months} months, and moves hits that waited in the default partition into their month;
     * returns how many partitions were created.
     */
    int preparePartitions(Instant from, int months);

    /** Drops the months that ended before {@code before} whole; returns how many. */
    int dropPartitionsBefore(Instant before);

    /** Campaigns of the account with hits before {@code before} whose figures are not kept yet. */
    List<CampaignId> campaignsToSummarize(AccountId account, Instant before);

    /** Keeps the campaign's current figures, which {@link #figures} answers from then on (its hits may go). */
    void summarize(AccountId account, CampaignId campaign, Instant at);

    /** Deletes up to {@code limit} of the account's hits before {@code before}; returns how many. */
    int deleteBefore(AccountId account, Instant before, int limit);
}
