package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UserQueries;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The start page: the account worked in, its sites, and what the user can do here. */
@Route("")
@PageTitle("Porte-Voix")
@Menu(order = 0, icon = "vaadin:home", title = "nav.home")
@PermitAll
final class HomeView extends Main implements BeforeEnterObserver {

    static final String ACCOUNT_CHOSEN = "pv.account-chosen";

    private final AccountQueries accounts;
    private final UserQueries users;

    HomeView(AccountQueries accounts, UserQueries users) {
        this.accounts = accounts;
        this.users = users;
        addClassName("pv-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (users.myAccounts().size() > 1 && VaadinSession.getCurrent().getAttribute(ACCOUNT_CHOSEN) == null) {
            event.forwardTo(SelectAccountView.class);
            return;
        }
        removeAll();
        if (TenantContext.currentAccount().isEmpty()) {
            add(new H2(getTranslation("home.noAccount.title")), new Paragraph(getTranslation("home.noAccount.text")));
            return;
        }
        AccountDetails account = accounts.current();
        H2 title = new H2(getTranslation("home.welcome", account.name()));
        Paragraph intro = new Paragraph(getTranslation("home.intro"));
        Div cards = new Div();
        cards.addClassName("pv-cards");
        cards.add(card(VaadinIcon.BUILDING, getTranslation("home.card.account"), account.name(),
                account.legalName().isEmpty() ? getTranslation("home.card.account.created",
                        account.createdAt().atZone(account.timeZone()).format(
                                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())))
                        : account.legalName()));
        cards.add(card(VaadinIcon.MAP_MARKER, getTranslation("home.card.sites"),
                String.valueOf(accounts.sites().size()),
                String.join(", ", accounts.sites().stream().map(s -> s.name()).toList())));
        cards.add(card(VaadinIcon.CLOCK, getTranslation("home.card.region"), account.timeZone().getId(),
                getTranslation("home.card.region.detail", account.locale().getDisplayLanguage(getLocale()),
                        account.phoneRegion())));
        if (!account.address().isComplete()) {
            Div warning = new Div(VaadinIcon.WARNING.create(), new Span(getTranslation("home.warning.address")));
            warning.addClassName("pv-warning");
            add(title, intro, warning, cards);
        } else {
            add(title, intro, cards);
        }
        add(new H3(getTranslation("home.levels")), levels());
    }

    private Div levels() {
        Div list = new Div();
        list.addClassName("pv-levels");
        for (Area area : Area.values()) {
            AccessLevel level = TenantContext.currentActor().map(a -> a.levelFor(area)).orElse(AccessLevel.NONE);
            Span badge = new Span(getTranslation("level." + level.name()));
            badge.getElement().getThemeList().add("badge " + switch (level) {
                case APPROVER -> "success";
                case EDITOR -> "";
                case GUEST -> "contrast";
                case NONE -> "error";
            });
            Div row = new Div(new Span(getTranslation("area." + area.name())), badge);
            row.addClassName("pv-level-row");
            list.add(row);
        }
        return list;
    }

    private static Div card(VaadinIcon icon, String label, String value, String detail) {
        Span labelText = new Span(label);
        labelText.addClassName("pv-card-label");
        Span valueText = new Span(value);
        valueText.addClassName("pv-card-value");
        Span detailText = new Span(detail);
        detailText.addClassName("pv-card-detail");
        Div card = new Div(icon.create(), labelText, valueText, detailText);
        card.addClassName("pv-card");
        return card;
    }
}
