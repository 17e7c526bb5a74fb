package io.portevoix.bench;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Consents;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactStatus;
import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import io.portevoix.templates.CompiledEmail;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.RecipientLinks;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.SmsLength;
import io.portevoix.templates.TemplateRenderer;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Templates benchmark ({@code mvn -Pbench test -Dtest=TemplatesBenchmark}, not part of the suite),
 * on one thread: personalised renders per second of a 15 KB e-mail with 6 merge tags, one
 * condition and 10 links through the application's compiled e-mail (subject, preheader, HTML with
 * escaping and text), next to the physical limit of the same output built by concatenating
 * pre-split literal parts with the values (no template engine at all); and GSM 03.38 counting of
 * 1,000,000 rendered SMS texts next to a loop that only reads every character. Writes
 * {@code target/bench/templates.json}.
 */
@Tag("bench")
class TemplatesBenchmark {

    static final int RENDERS = Integer.getInteger("bench.renders", 200_000);
    static final int TEXTS = 1_000_000;

    @Test
    void renderingAndSmsCounting() throws Exception {
        String database = TestDatabases.create("portevoix_bench_templates", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "--portevoix.tenancy.bootstrap.account=Bench", "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                "--portevoix.tenancy.bootstrap.admin-password=bench-password-123", "--logging.level.root=warn",
                "--jobrunr.background-job-server.enabled=false")) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            TemplateRenderer renderer = context.getBean(TemplateRenderer.class);
            String html = fifteenKilobyteEmail();
            CompiledEmail email = SystemActor.call("bench", () -> TenantContext.callAs(account, () -> renderer.compileEmail(
                    new EmailContent("{{ contact.firstName }}, votre abonnement {{ account.name }}", "Fin le {{ contact.subscription.endDate }}",
                            html, null), BroadcastType.MARKETING)));
            List<ContactDetails> members = members(1_000);
            RecipientLinks links = new RecipientLinks("https://pv.example/u/0123456789abcdef", "https://pv.example/p/0123456789abcdef",
                    "https://pv.example/w/0123456789abcdef");

            long checksum = 0;
            for (int i = 0; i < 20_000; i++) {
                checksum += email.render(members.get(i % members.size()), links).html().length();
            }
            long start = System.nanoTime();
            for (int i = 0; i < RENDERS; i++) {
                RenderedEmail out = email.render(members.get(i % members.size()), links);
                checksum += out.html().length() + out.text().length();
            }
            double application = RENDERS / ((System.nanoTime() - start) / 1e9);
            int htmlBytes = email.render(members.getFirst(), links).html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

            String[] parts = html.split("\\{\\{[^}]*}}|\\{%[^%]*%}", -1);
            for (int i = 0; i < 20_000; i++) {
                checksum += concatenated(parts, members.get(i % members.size())).length();
            }
            start = System.nanoTime();
            for (int i = 0; i < RENDERS; i++) {
                checksum += concatenated(parts, members.get(i % members.size())).length();
            }
            double physical = RENDERS / ((System.nanoTime() - start) / 1e9);

            List<String> texts = smsTexts();
            long parts1 = 0;
            for (String text : texts) {
                parts1 += SmsLength.parts(text);
            }
            start = System.nanoTime();
            long totalParts = 0;
            for (String text : texts) {
                totalParts += SmsLength.parts(text);
            }
            double counting = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            long chars = 0;
            for (String text : texts) {
                for (int i = 0; i < text.length(); i++) {
                    chars += text.charAt(i);
                }
            }
            double reading = (System.nanoTime() - start) / 1e6;

            String json = "[\n" + String.join(",\n",
                    metric("email_renders_per_second_one_thread", application, "renders/s", physical, application / physical),
                    metric("email_rendered_html_size", htmlBytes, "bytes", htmlBytes, 1.0),
                    metric("sms_count_1m_texts", counting, "ms", reading, counting / reading),
                    metric("sms_total_parts_1m_texts", totalParts, "parts", parts1, 1.0)) + "\n]\n";
            Path report = Path.of("target", "bench", "templates.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json + "(checksum " + (checksum + chars) + ")");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            TestDatabases.drop(database);
        }
    }

    /** A realistic 15 KB newsletter: tables and inline styles, 6 merge tags, one condition, 10 links. */
    static String fifteenKilobyteEmail() {
        String[] tags = {"{{ contact.firstName | default: \"adhérent\" }}", "{{ contact.lastName }}",
                "{{ contact.subscription.endDate }}", "{{ account.name }}", "{{ contact.site }}", "{{ unsubscribeUrl }}"};
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Lettre</title>"
                + "<style>@media (max-width:480px){.col{width:100%!important}}</style></head><body style=\"margin:0\">");
        int block = 0;
        while (html.length() < 15_000) {
            html.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>")
                    .append("<td style=\"padding:16px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;")
                    .append("line-height:24px;color:#1f2937\">Nos cours collectifs reprennent cette semaine avec de ")
                    .append("nouveaux créneaux le midi et le soir ; réservez depuis l’application ou à l’accueil du club. ");
            if (block < 10) {
                html.append("<a href=\"https://club.example.fr/actualites/").append(block)
                        .append("?utm_source=newsletter&utm_medium=email\" style=\"color:#1a56db\">Voir l’actualité ")
                        .append(block + 1).append("</a> ");
            }
            if (block < 6) {
                html.append(tags[block]).append(' ');
            }
            if (block == 2) {
                html.append("{% if contact.status == \"CLIENT\" %}Merci pour votre fidélité !{% endif %}");
            }
            html.append("</td></tr></table>");
            block++;
        }
        return html.append("</body></html>").toString();
    }

    private static String concatenated(String[] parts, ContactDetails c) {
        String[] values = {c.firstName(), c.lastName(), String.valueOf(c.subscriptionEnd()), "Bench", c.site(),
                "https://pv.example/u/0123456789abcdef", c.status() == ContactStatus.CLIENT ? "Merci pour votre fidélité !" : ""};
        StringBuilder out = new StringBuilder(16_384);
        for (int i = 0; i < parts.length; i++) {
            out.append(parts[i]);
            if (i < values.length) {
                out.append(values[i]);
            }
        }
        return out.toString();
    }

    private static List<ContactDetails> members(int count) {
        Random random = new Random(7);
        String[] first = {"Élodie", "Lucas", "Zoé", "Jean-Baptiste", "Maëlle", "Hugo"};
        String[] last = {"Lefèvre", "Martin", "Dubois", "N'Diaye", "Moreau"};
        List<ContactDetails> members = new ArrayList<>();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < count; i++) {
            members.add(new ContactDetails(new ContactId(UUID.randomUUID()), "m" + i + "@club.example", "+3361234" + (1000 + i),
                    null, "Mme", first[random.nextInt(first.length)], last[random.nextInt(last.length)],
                    LocalDate.of(1970 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextBoolean() ? ContactStatus.CLIENT : ContactStatus.PROSPECT, true, "Lyon Part-Dieu", "Annuel",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null, null, now, 12, List.of(), Map.of(),
                    Consents.DEFAULTS, now, now));
        }
        return members;
    }

    private static List<String> smsTexts() {
        Random random = new Random(11);
        String[] names = {"Élodie", "Lucas", "Zoé", "Jean-Baptiste", "Maëlle", "Hugo", "Noémie", "Çağla"};
        List<String> texts = new ArrayList<>(TEXTS);
        for (int i = 0; i < TEXTS; i++) {
            String name = names[random.nextInt(names.length)];
            texts.add("Bonjour " + name + ", votre séance de " + (random.nextBoolean() ? "Pilates" : "cross-training")
                    + " a lieu demain à " + (8 + random.nextInt(12)) + "h au club Lyon Part-Dieu. Pensez à votre serviette ! "
                    + (random.nextInt(4) == 0 ? "Réservez la suivante : https://club.example.fr/r/" + i + " " : "")
                    + "STOP au 36111");
        }
        return texts;
    }

    private static String metric(String name, double value, String unit, double baseline, double ratio) {
        return String.format(java.util.Locale.ROOT,
                "  {\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"baseline\":%.3f,\"ratio\":%.3f}",
                name, value, unit, baseline, ratio);
    }
}
