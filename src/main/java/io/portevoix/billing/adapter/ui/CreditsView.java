package io.portevoix.billing.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.CreditEntry;
import io.portevoix.billing.CreditQueries;
import io.portevoix.billing.GrantCredits;
import io.portevoix.billing.SmsRate;
import io.portevoix.billing.SmsRates;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Credits: what the account has, what is reserved for sends, the ledger; platform administrators grant. */
@Route("credits")
@PageTitle("Porte-Voix")
@Menu(order = 80, icon = "vaadin:wallet", title = "nav.credits")
@RolesAllowed({"BILLING_GUEST", "PLATFORM_ADMIN"})
final class CreditsView extends Main {

    private final CreditQueries queries;
    private final CreditCommands commands;
    private final AccountQueries accounts;
    private final Div cards = new Div();
    private final Grid<CreditEntry> grid = new Grid<>();
    private final NumberFormat numbers;
    private final boolean canSee = TenantContext.currentActorCan(Area.BILLING, AccessLevel.GUEST);

    CreditsView(CreditQueries queries, CreditCommands commands, AccountQueries accounts, SmsRates rates) {
        this.queries = queries;
        this.commands = commands;
        this.accounts = accounts;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        addClassName("pv-view");
        cards.addClassName("pv-cards");
        HorizontalLayout toolbar = new HorizontalLayout();
        toolbar.addClassName("pv-toolbar");
        if (TenantContext.currentActor().map(Actor::platformAdministrator).orElse(false)) {
            Button grant = new Button(getTranslation("credits.grant"), VaadinIcon.PLUS.create(), e -> openGrant());
            grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            grant.setId("grant-credits");
            toolbar.add(grant);
        }
        Button prices = new Button(getTranslation("smsRates.show"), VaadinIcon.MONEY.create(),
                e -> openPrices(rates));
        prices.setId("show-sms-rates");
        toolbar.add(prices);
        add(toolbar);
        if (canSee) {
            ZoneId zone = accounts.current().timeZone();
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
            grid.addColumn(e -> format.format(e.at().atZone(zone))).setHeader(getTranslation("credits.at")).setAutoWidth(true);
            grid.addColumn(e -> getTranslation("credits.kind." + e.kind().name())).setHeader(getTranslation("credits.kind"))
                    .setAutoWidth(true);
            grid.addColumn(e -> signed(e.balanceDelta())).setHeader(getTranslation("credits.balanceDelta")).setAutoWidth(true);
            grid.addColumn(e -> signed(e.reservedDelta())).setHeader(getTranslation("credits.reservedDelta")).setAutoWidth(true);
            grid.addColumn(CreditEntry::actor).setHeader(getTranslation("credits.actor")).setFlexGrow(1);
            grid.addColumn(CreditEntry::comment).setHeader(getTranslation("credits.comment")).setFlexGrow(2);
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
            grid.setItems(query -> queries.entries(new PageSpec(query.getOffset(),
                    Math.min(query.getLimit(), PageSpec.MAX_LIMIT))).stream(), query -> queries.entryCount());
            grid.setSizeFull();
            add(cards, grid);
            refresh();
        }
    }

    private String signed(long value) {
        return value == 0 ? "—" : (value > 0 ? "+" : "") + numbers.format(value);
    }

    private void refresh() {
        CreditBalance balance = queries.balance();
        cards.removeAll();
        cards.add(card(getTranslation("credits.balance"), balance.balance(), "credits-balance"));
        cards.add(card(getTranslation("credits.reserved"), balance.reserved(), "credits-reserved"));
        cards.add(card(getTranslation("credits.available"), balance.available(), "credits-available"));
        grid.getDataProvider().refreshAll();
    }

    private Div card(String label, long value, String id) {
        Span labelText = new Span(label);
        labelText.addClassName("pv-card-label");
        Span valueText = new Span(numbers.format(value));
        valueText.addClassName("pv-card-value");
        valueText.setId(id);
        Div card = new Div(VaadinIcon.WALLET.create(), labelText, valueText);
        card.addClassName("pv-card");
        return card;
    }

    /** The SMS price list, read-only: what one SMS part costs in credits for each destination country. */
    private void openPrices(SmsRates rates) {
        Dialog dialog = new Dialog(getTranslation("smsRates.title"));
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("smsRates.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidthFull();
        Grid<SmsRate> prices = new Grid<>();
        Collator collator = Collator.getInstance(getLocale());
        Function<String, String> name = code -> Locale.of("", code).getDisplayCountry(getLocale());
        prices.addColumn(r -> name.apply(r.country()) + " (" + r.country() + ")")
                .setHeader(getTranslation("smsRates.country")).setFlexGrow(1);
        prices.addColumn(SmsRate::creditsPerPart).setHeader(getTranslation("smsRates.creditsPerPart")).setAutoWidth(true);
        prices.setHeight("420px");
        List<SmsRate> all = rates.all().stream()
                .sorted(Comparator.comparing((SmsRate r) -> name.apply(r.country()), collator)).toList();
        Runnable filter = () -> {
            String term = search.getValue().strip().toLowerCase(getLocale());
            prices.setItems(all.stream().filter(r -> term.isEmpty() || r.country().equalsIgnoreCase(term)
                    || name.apply(r.country()).toLowerCase(getLocale()).contains(term)).toList());
        };
        search.addValueChangeListener(e -> filter.run());
        filter.run();
        dialog.add(new Paragraph(getTranslation("smsRates.readOnly.text")), search, prices);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("560px");
        dialog.open();
    }

    private void openGrant() {
        Dialog dialog = new Dialog(getTranslation("credits.grant"));
        ComboBox<AccountSummary> account = new ComboBox<>(getTranslation("credits.account"));
        account.setItems(accounts.all());
        account.setItemLabelGenerator(a -> a.parentName() == null ? a.name() : a.name() + " (" + a.parentName() + ")");
        account.setId("grant-account");
        IntegerField amount = new IntegerField(getTranslation("credits.amount"));
        amount.setMin(1);
        amount.setStepButtonsVisible(true);
        amount.setId("grant-amount");
        TextArea comment = new TextArea(getTranslation("credits.comment"));
        comment.setMaxLength(1000);
        dialog.add(new FormLayout(account, amount, comment));
        Button save = new Button(getTranslation("credits.grant"), e -> {
            if (account.getValue() == null) {
                account.setInvalid(true);
                account.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (amount.getValue() == null || amount.getValue() < 1) {
                amount.setInvalid(true);
                amount.setErrorMessage(getTranslation("credits.amount.invalid"));
                return;
            }
            commands.grant(new GrantCredits(account.getValue().id(), amount.getValue(), comment.getValue()));
            dialog.close();
            Notification.show(getTranslation("credits.granted", numbers.format(amount.getValue()),
                    account.getValue().name()), 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (canSee) {
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("confirm-grant");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("560px");
        dialog.open();
    }
}
