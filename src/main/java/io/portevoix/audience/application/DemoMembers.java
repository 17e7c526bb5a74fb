package io.portevoix.audience.application;

import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeType;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.SystemActor;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo members for the README's demo command: 300 realistic French members in each demo club,
 * with statuses, subscriptions, booklets, birthdays (some this week), visits, consents, board
 * tags and associated members. Deterministic, all or nothing per club, and only for clubs that
 * have no contact yet.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("portevoix.demo.enabled")
class DemoMembers implements ApplicationRunner {

    static final Set<String> DEMO_CLUBS = Set.of("Vitalis Lyon", "Vitalis Bordeaux");
    static final int PER_CLUB = 300;
    /** Third digits of French mobile ranges (06 0…, 06 1…, 06 2…, 06 4… to 06 8…). */
    private static final List<Integer> MOBILE_THIRD_DIGITS = List.of(0, 1, 2, 4, 5, 6, 7, 8);
    private static final Logger LOG = LoggerFactory.getLogger(DemoMembers.class);
    private static final List<String> WOMEN = List.of("Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah",
            "Julie", "Louise", "Anaïs", "Clara", "Zoé", "Élodie", "Margaux", "Lucie", "Nathalie", "Sophie", "Isabelle",
            "Céline", "Aurélie", "Hélène", "Françoise", "Maëlle", "Océane");
    private static final List<String> MEN = List.of("Lucas", "Hugo", "Thomas", "Nathan", "Théo", "Louis", "Enzo",
            "Maxime", "Antoine", "Julien", "Nicolas", "Romain", "Alexandre", "Mathis", "Quentin", "Pierre", "Olivier",
            "Stéphane", "François", "Jérôme", "Loïc", "Benoît", "Gaël", "Yanis");
    private static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand",
            "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
            "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François",
            "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel",
            "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer");
    private static final List<String> SUBSCRIPTIONS = List.of("Annuel", "Mensuel sans engagement", "Étudiant",
            "Famille", "Senior", "Premium");

    private final ContactCommands contacts;
    private final ContactQueries queries;
    private final AccountQueries accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AttributeService attributes;
    private static final List<String> LEVELS = List.of("Débutant", "Intermédiaire", "Confirmé");

    DemoMembers(ContactCommands contacts, ContactQueries queries, AccountQueries accounts,
            PlatformTransactionManager transactions, Clock clock, AttributeService attributes) {
        this.attributes = attributes;
        this.contacts = contacts;
        this.queries = queries;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.call("demo members", () -> {
            for (AccountSummary account : accounts.all()) {
                if (DEMO_CLUBS.contains(account.name()) && account.parentId() != null) {
                    TenantContext.runAs(account.id(), () -> {
                        if (attributes.definitions().isEmpty()) {
                            transactions.executeWithoutResult(status -> defineAttributes());
                        }
                        if (queries.count(ContactFilter.ALL) == 0) {
                            List<SiteSummary> sites = accounts.sites();
                            transactions.executeWithoutResult(status -> seed(account.name(), sites));
                        }
                    });
                }
            }
            return null;
        });
    }

    /** The custom fields a club typically keeps: a level, a medical certificate's end, volunteers. */
    private void defineAttributes() {
        attributes.save(new AttributeDefinition("niveau", "Niveau", AttributeType.CHOICE, LEVELS));
        attributes.save(new AttributeDefinition("certificatMedical", "Certificat médical valable jusqu’au",
                AttributeType.DATE, List.of()));
        attributes.save(new AttributeDefinition("benevole", "Bénévole", AttributeType.BOOLEAN, List.of()));
    }

    /** Mostly French mobiles; a few members live across the border (Belgium, Switzerland, Spain) or in Réunion. */
    private static String mobile(int i, Random shared) {
        String french = String.format("06%d%07d", MOBILE_THIRD_DIGITS.get(shared.nextInt(8)), shared.nextInt(10_000_000));
        Random random = new Random(i);
        if (i % 23 == 7) {
            return String.format("+3247%d%06d", 5 + random.nextInt(4), random.nextInt(1_000_000));
        }
        if (i % 37 == 11) {
            return String.format("+417%d%07d", 6 + random.nextInt(4), random.nextInt(10_000_000));
        }
        if (i % 53 == 13) {
            return String.format("+346%08d", random.nextInt(100_000_000));
        }
        if (i % 61 == 17) {
            return String.format("+262692%06d", random.nextInt(1_000_000));
        }
        return french;
    }

    private void seed(String club, List<SiteSummary> sites) {
        Random random = new Random(club.hashCode());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        String domain = club.toLowerCase(Locale.ROOT).replace(' ', '-') + ".exemple.fr";
        for (int i = 0; i < PER_CLUB; i++) {
            boolean woman = random.nextBoolean();
            String first = (woman ? WOMEN : MEN).get(random.nextInt(WOMEN.size()));
            String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
            LocalDate birth = i % 25 == 0 ? today.plusDays(random.nextInt(7)).minusYears(18 + random.nextInt(50))
                    : today.minusYears(16 + random.nextInt(60)).minusDays(random.nextInt(365));
            int roll = random.nextInt(100);
            String status = roll < 70 ? "CLIENT" : roll < 85 ? "PROSPECT" : "FORMER_CLIENT";
            ContactInput.Builder member = ContactInput.builder()
                    .set(ContactField.EMAIL, ascii(first) + "." + ascii(last) + i + "@" + domain)
                    .set(ContactField.MOBILE, mobile(i, random))
                    .set(ContactField.CIVILITY, woman ? "Mme" : "M.")
                    .set(ContactField.FIRST_NAME, first)
                    .set(ContactField.LAST_NAME, last)
                    .set(ContactField.BIRTH_DATE, birth.toString())
                    .set(ContactField.STATUS, status)
                    .set(ContactField.PRIMARY, i % 7 != 3)
                    .set(ContactField.EXTERNAL_REF, "ADH-" + String.format("%05d", 10_000 + i));
            if (!sites.isEmpty()) {
                member.set(ContactField.SITE, sites.get(random.nextInt(sites.size())).name());
            }
            if (!"PROSPECT".equals(status)) {
                LocalDate start = today.minusDays(30 + random.nextInt(700));
                LocalDate end = "CLIENT".equals(status) ? today.plusDays(random.nextInt(365))
                        : today.minusDays(1 + random.nextInt(400));
                member.set(ContactField.SUBSCRIPTION_NAME, SUBSCRIPTIONS.get(random.nextInt(SUBSCRIPTIONS.size())))
                        .set(ContactField.SUBSCRIPTION_START, start.toString())
                        .set(ContactField.SUBSCRIPTION_END, end.toString())
                        .set(ContactField.LAST_VISIT_AT, today.minusDays(random.nextInt(60)).toString())
                        .set(ContactField.VISIT_COUNT, random.nextInt(150));
            }
            if (random.nextInt(5) == 0) {
                member.set(ContactField.BOOKLET_NAME, "Carnet 10 séances")
                        .set(ContactField.BOOKLET_SESSIONS_LEFT, random.nextInt(11))
                        .set(ContactField.BOOKLET_EXPIRES_ON, today.plusDays(random.nextInt(180)).toString());
            }
            if (i < 3) {
                member.set(ContactField.TAGS, List.of("Dirigeant", "Conseil"));
            } else if (i < 9) {
                member.set(ContactField.TAGS, List.of("Conseil"));
            }
            if (i % 10 == 1) {
                member.set(ContactField.ATTRIBUTES, Map.of("niveau", LEVELS.get(random.nextInt(LEVELS.size())),
                        "certificatMedical", today.plusDays(random.nextInt(400) - 30).toString(),
                        "benevole", random.nextInt(4) == 0));
            }
            Map<Channel, Map<BroadcastType, Boolean>> consents = new EnumMap<>(Channel.class);
            consents.put(Channel.EMAIL, Map.of(BroadcastType.INFORMATIVE, random.nextInt(10) != 0,
                    BroadcastType.MARKETING, random.nextInt(10) < 6));
            consents.put(Channel.SMS, Map.of(BroadcastType.INFORMATIVE, random.nextInt(10) != 0,
                    BroadcastType.MARKETING, random.nextInt(10) < 4));
            member.set(ContactField.CONSENTS, consents);
            contacts.upsert(member.build(), ConsentSource.IMPORT);
        }
        LOG.info("Demo data: {} members in {}", PER_CLUB, club);
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
