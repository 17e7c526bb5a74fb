package io.portevoix.templates.application;

import io.portevoix.audience.Channel;
import io.portevoix.shared.AccountId;
import io.portevoix.templates.CreateTemplate;
import io.portevoix.templates.DescribeTemplate;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateStart;
import io.portevoix.templates.domain.EmailDocument;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.AccountQueries;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo templates for the README's demo command: in each club a subscription-renewal e-mail (from
 * a starter) and a session-reminder SMS; at the headquarters a locked direct-debit notice shared
 * with every club. Only for accounts that have no template yet.
 */
@Component
@Order(3)
@ConditionalOnBooleanProperty("portevoix.demo.enabled")
class DemoTemplates implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTemplates.class);

    private final TemplateService templates;
    private final AccountQueries accounts;

    DemoTemplates(TemplateService templates, AccountQueries accounts) {
        this.templates = templates;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.call("demo templates", () -> {
            List<AccountSummary> all = accounts.all();
            for (AccountSummary account : all) {
                if (account.parentId() != null) {
                    TenantContext.runAs(account.id(), () -> {
                        if (templates.list(new TemplateFilter(null, null, null, null)).isEmpty()) {
                            seedClub();
                        }
                    });
                }
            }
            for (AccountSummary account : all) {
                boolean headquarters = all.stream().anyMatch(child -> account.id().equals(child.parentId()));
                if (headquarters) {
                    TenantContext.runAs(account.id(), () -> {
                        if (templates.list(new TemplateFilter(null, null, null, null)).isEmpty()) {
                            seedHeadquarters(account.id());
                        }
                    });
                }
            }
            return null;
        });
    }

    private void seedClub() {
        TemplateDetails renewal = templates.create(new CreateTemplate("Relance fin d'abonnement",
                "Envoyée un mois avant la fin de l'abonnement", Channel.EMAIL, List.of("relance", "abonnement"), null,
                new TemplateStart.FromStarter(TemplateStart.Starter.SIMPLE_MESSAGE)));
        templates.saveEmail(renewal.id(), new EmailContent(
                "{{ contact.firstName | default: \"Bonjour\" }}, votre abonnement se termine bientôt",
                "Renouvelez-le avant le {{ contact.subscription.endDate }} et gardez votre tarif.",
                renewal.email().html(), null));
        templates.create(new CreateTemplate("Rappel de séance (SMS)", "Veille d'un cours réservé", Channel.SMS,
                List.of("rappel"), null, new TemplateStart.WithContent(EmailContent.EMPTY,
                        "Bonjour {{ contact.firstName | default: \"adherent\" }}, petit rappel : votre seance chez "
                                + "{{ account.name }} a lieu demain. A bientot !")));
        LOG.info("Demo templates created in {}", accounts.current().name());
    }

    private void seedHeadquarters(AccountId headquarters) {
        String body = "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>"
                + "<td align=\"center\" style=\"padding:24px 12px\"><table role=\"presentation\" width=\"600\" cellpadding=\"0\" "
                + "cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff\"><tr>"
                + "<td style=\"padding:32px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#1f2937\">"
                + "<h1 style=\"margin:0 0 16px;font-size:22px;line-height:28px;color:#111827\">Votre prélèvement n'a pas pu être effectué</h1>"
                + "<p style=\"margin:0 0 16px\">Bonjour {{ contact.civility }} {{ contact.lastName }},</p>"
                + "<p style=\"margin:0 0 16px\">Le prélèvement de votre abonnement {{ contact.subscription.name }} a été "
                + "rejeté par votre banque. Pour continuer à profiter de votre club {{ account.name }}, merci de "
                + "régulariser votre situation à l'accueil dans les 15 jours.</p>"
                + "<p style=\"margin:0\">L'équipe {{ account.name }}</p></td></tr></table></td></tr></table>";
        TemplateDetails notice = templates.create(new CreateTemplate("Rejet de prélèvement", "Modèle du réseau, verrouillé",
                Channel.EMAIL, List.of("prélèvement", "juridique"), io.portevoix.templates.AutomationType.DIRECT_DEBIT_REJECTED,
                new TemplateStart.WithContent(new EmailContent("Rejet de votre prélèvement {{ account.name }}", "",
                        EmailDocument.document("fr", body, ""), null), "")));
        templates.describe(notice.id(), new DescribeTemplate(notice.name(), notice.description(), notice.tags(),
                notice.automationType(), true));
        int clubs = templates.publish(notice.id());
        LOG.info("Demo network template shared with {} clubs of {}", clubs, headquarters);
    }
}
