package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.Recipient;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large run, once frozen, refreshes the statistics of its month before it sends (as the start of
 * a send does, in the same transaction): the planner then counts the run's messages, and marks a
 * group of them SENDING by key instead of scanning every pending message of the month.
 */
@PorteVoixTest
class FrozenRunStatisticsIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired Messages messages;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aLargeFrozenRunIsCountedBeforeItsGroupsAreMarked() {
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Statistiques", null,
                new EmailAddress(uniqueEmail("stats")), "", PASSWORD)));
        RunId large = RunId.random();
        CampaignId campaign = new CampaignId(UUID.randomUUID());
        TenantContext.runAs(account, () -> transactions.executeWithoutResult(status -> {
            messages.insert(account, large, campaign, recipients(1_500));
            long guessed = estimate(large);
            messages.analyzeFrozen(account, large, 1_000);
            // A sample-based estimate: the order of magnitude is what matters (it was a handful before).
            assertThat(estimate(large)).as("the planner's count of the run's messages (was %d)", guessed)
                    .isBetween(750L, 3_000L);
            List<Long> ids = jdbc.queryForList("select id from delivery.message where account_id = ? and run_id = ?"
                    + " order by position limit 8", Long.class, account.value(), large.value());
            String plan = String.join("\n", jdbc.queryForList("explain update delivery.message set state = 'SENDING'"
                    + " where account_id = ? and id = any(?) and created_at = (select created_at from delivery.run"
                    + " where run_id = ?) and state = 'PENDING' and claimed_by is null", String.class, account.value(),
                    ids.toArray(Long[]::new), large.value()));
            assertThat(plan).as(plan).contains("_pkey").doesNotContain("Bitmap");
            status.setRollbackOnly();
        }));
    }

    /**
     * How many messages of the run the planner expects. The state is left out: other tests' messages of the
     * month, sent or not, would change the share of pending ones and make the figure wander.
     */
    private long estimate(RunId run) {
        String plan = jdbc.queryForList("explain select id from delivery.message where run_id = ?",
                String.class, run.value()).getFirst();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("rows=(\\d+)").matcher(plan);
        assertThat(rows.find()).as(plan).isTrue();
        return Long.parseLong(rows.group(1));
    }

    private static List<Recipient> recipients(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Recipient(new ContactId(UUID.randomUUID()), "s" + i + "@stats.example")).toList();
    }
}
