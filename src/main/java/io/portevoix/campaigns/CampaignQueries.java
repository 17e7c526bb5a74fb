package io.portevoix.campaigns;

import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the current account's campaigns, their review count and their history. */
@PrimaryPort
public interface CampaignQueries {

    Optional<CampaignDetails> find(CampaignId id);

    List<CampaignDetails> list(CampaignFilter filter);

    /** Recipients after exclusions, by reason, with the credits needed and the balance. */
    CampaignCount count(CampaignId id);

    /** The count with these SMS destination countries left out instead of the saved ones (null: the saved ones). */
    CampaignCount count(CampaignId id, java.util.@org.jspecify.annotations.Nullable Set<String> excludeCountries);

    /** The SMS destination countries this campaign leaves out. */
    java.util.Set<String> excludedCountries(CampaignId id);

    /** The SMTP servers this e-mail campaign is restricted to (empty: the account's choice). */
    List<java.util.UUID> smtpServers(CampaignId id);

    /** The enabled SMTP servers a campaign may choose from. */
    List<io.portevoix.campaigns.spi.MailServerChoice> mailServers();

    /** The campaign's send runs, the latest first. */
    List<RunSummary> runs(CampaignId id);

    Optional<RunSummary> run(RunId id);

    /**
     * Every recipient of a run with its state, as a CSV file for Excel (FR): UTF-8 with BOM, {@code ;},
     * cells that look like formulas neutralised.
     */
    byte[] recipientsCsv(RunId id);

    /** A page of a run's recipients with each one's state (the history drill-down). */
    List<io.portevoix.campaigns.spi.RunRecipient> recipients(RunId id, int offset, int limit);

    /** For delivery, before each batch: whether the run may still hand messages to the servers (two key look-ups). */
    boolean delivering(RunId id);

    /** For delivery: the content of a run and whether its campaign is sending. */
    Optional<RunContent> runContent(RunId id);

    /**
     * Opens over time since the campaign's first run: 10-minute buckets for its first six hours,
     * then hours for three days, then days (at most 60); empty before any run.
     */
    List<OpensOverTime> opensOverTime(CampaignId id);

    /** The campaign of each of these runs (of the current account), read at once; unknown runs are left out. */
    java.util.Map<RunId, RunLabel> runLabels(java.util.Collection<RunId> runs);

    /** The e-mail as a member (or example values when null) would receive it, links inactive. */
    io.portevoix.templates.RenderedEmail preview(CampaignId id, io.portevoix.audience.@org.jspecify.annotations.Nullable ContactId contact);

    /** Figures over every run, with opens and clicks. */
    CampaignStats stats(CampaignId id);

    /** Campaigns waiting for an approver. */
    long pendingApprovals();
}
