package io.portevoix.campaigns.application.port;

import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.RunStatus;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Campaigns and their send runs in storage. */
public interface Campaigns {

    /** A run as stored; its figures come from the outbox. */
    record StoredRun(RunId id, CampaignId campaign, int number, RunStatus status, Instant startedAt,
            Instant finishedAt, String author, long targeted, long reserved, String broadcastType, String templateName,
            Object audience) {
    }

    void insert(AccountId account, CampaignDetails campaign);

    void update(AccountId account, CampaignDetails campaign);

    /** The campaign, locked for the rest of the transaction (status changes serialise on it). */
    Optional<CampaignDetails> lock(AccountId account, CampaignId id);

    Optional<CampaignDetails> find(AccountId account, CampaignId id);

    List<CampaignDetails> list(AccountId account, CampaignFilter filter);

    boolean delete(AccountId account, CampaignId id);

    List<CampaignId> due(AccountId account, Instant now);

    long count(AccountId account, io.portevoix.campaigns.CampaignStatus status);

    void insertRun(AccountId account, StoredRun run);

    void updateRun(AccountId account, RunId id, RunStatus status, long reserved, Instant finishedAt);

    Optional<StoredRun> run(AccountId account, RunId id);

    java.util.Map<RunId, io.portevoix.campaigns.RunLabel> runLabels(AccountId account, java.util.Collection<RunId> runs);

    List<StoredRun> runs(AccountId account, CampaignId campaign);

    java.util.Set<String> excludedCountries(AccountId account, CampaignId id);

    void excludeCountries(AccountId account, CampaignId id, java.util.Set<String> countries);

    List<java.util.UUID> smtpServers(AccountId account, CampaignId id);

    void chooseSmtpServers(AccountId account, CampaignId id, List<java.util.UUID> servers);
}
