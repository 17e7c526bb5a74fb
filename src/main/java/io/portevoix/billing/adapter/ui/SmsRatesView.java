package io.portevoix.billing.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.billing.SmsRate;
import io.portevoix.billing.SmsRates;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import jakarta.annotation.security.RolesAllowed;
import java.text.Collator;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Platform administration: the SMS price list, credits per SMS part for each destination country. */
@Route("admin/sms-rates")
@PageTitle("Porte-Voix")
@Menu(order = 102, icon = "vaadin:money", title = "nav.admin.smsRates")
@RolesAllowed("PLATFORM_ADMIN")
final class SmsRatesView extends Main {

    private final SmsRates rates;
    private final Grid<SmsRate> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Collator collator;
    private List<SmsRate> all = List.of();

    SmsRatesView(SmsRates rates) {
        this.rates = rates;
        this.collator = Collator.getInstance(getLocale());
        addClassName("pv-view");
        search.setPlaceholder(getTranslation("smsRates.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("sms-rates-search");
        search.addValueChangeListener(e -> filter());
        Button add = new Button(getTranslation("smsRates.add"), VaadinIcon.PLUS.create(), e -> openAdd());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-sms-rate");
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.addClassName("pv-toolbar");
        toolbar.setWidthFull();
        toolbar.setFlexGrow(1, search);

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(r -> countryName(r.country())).setHeader(getTranslation("smsRates.country"))
                .setComparator(Comparator.comparing((SmsRate r) -> countryName(r.country()), collator))
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(SmsRate::country).setHeader(getTranslation("smsRates.code")).setSortable(true).setAutoWidth(true);
        grid.addColumn(SmsRate::creditsPerPart).setHeader(getTranslation("smsRates.creditsPerPart"))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> format.format(r.updatedAt().atZone(ZoneId.of("Europe/Paris"))))
                .setHeader(getTranslation("smsRates.updatedAt")).setAutoWidth(true);
        grid.addColumn(SmsRate::updatedBy).setHeader(getTranslation("smsRates.updatedBy")).setFlexGrow(1);
        grid.addComponentColumn(r -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("action.edit"), e -> openEdit(r));
            menu.addItem(getTranslation("smsRates.remove"), e -> confirmRemove(r));
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        Div content = new Div(new Paragraph(getTranslation("smsRates.text")), toolbar, grid);
        content.addClassName("pv-list");
        add(content);
        refresh();
    }

    private String countryName(String code) {
        return Locale.of("", code).getDisplayCountry(getLocale());
    }

    private void refresh() {
        all = rates.all();
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(getLocale());
        grid.setItems(all.stream().filter(r -> term.isEmpty() || r.country().toLowerCase(Locale.ROOT).equals(term)
                || countryName(r.country()).toLowerCase(getLocale()).contains(term))
                .sorted(Comparator.comparing((SmsRate r) -> countryName(r.country()), collator)).toList());
    }

    private void openAdd() {
        Set<String> priced = all.stream().map(SmsRate::country).collect(Collectors.toSet());
        ComboBox<String> country = new ComboBox<>(getTranslation("smsRates.country"));
        country.setItems(Arrays.stream(Locale.getISOCountries()).filter(c -> !priced.contains(c))
                .sorted(Comparator.comparing(this::countryName, collator)).toList());
        country.setItemLabelGenerator(c -> countryName(c) + " (" + c + ")");
        country.setId("sms-rate-country");
        openForm(getTranslation("smsRates.add"), country, 2, country::getValue, () -> {
            country.setInvalid(true);
            country.setErrorMessage(getTranslation("validation.required"));
        });
    }

    private void openEdit(SmsRate rate) {
        TextField country = new TextField(getTranslation("smsRates.country"));
        country.setValue(countryName(rate.country()) + " (" + rate.country() + ")");
        country.setReadOnly(true);
        openForm(getTranslation("smsRates.edit", countryName(rate.country())), country, rate.creditsPerPart(),
                rate::country, () -> { });
    }

    private void openForm(String title, Component countryField, int initial, Supplier<@Nullable String> code,
            Runnable countryMissing) {
        Dialog dialog = new Dialog(title);
        IntegerField credits = new IntegerField(getTranslation("smsRates.creditsPerPart"));
        credits.setMin(SmsRates.MIN_CREDITS_PER_PART);
        credits.setMax(SmsRates.MAX_CREDITS_PER_PART);
        credits.setValue(initial);
        credits.setStepButtonsVisible(true);
        credits.setHelperText(getTranslation("smsRates.creditsPerPart.help"));
        credits.setId("sms-rate-credits");
        dialog.add(new FormLayout(countryField, credits));
        Button save = new Button(getTranslation("action.save"), e -> {
            String country = code.get();
            if (country == null || country.isBlank()) {
                countryMissing.run();
                return;
            }
            Integer value = credits.getValue();
            if (value == null || value < SmsRates.MIN_CREDITS_PER_PART || value > SmsRates.MAX_CREDITS_PER_PART) {
                credits.setInvalid(true);
                credits.setErrorMessage(getTranslation("smsRates.creditsPerPart.invalid",
                        SmsRates.MIN_CREDITS_PER_PART, SmsRates.MAX_CREDITS_PER_PART));
                return;
            }
            try {
                rates.set(country, value);
            } catch (InvalidInputException invalid) {
                credits.setInvalid(true);
                credits.setErrorMessage(invalid.errors().getFirst().message());
                return;
            }
            dialog.close();
            Notification.show(getTranslation("smsRates.saved", countryName(country), value), 4000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("confirm-sms-rate");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("520px");
        dialog.open();
    }

    private void confirmRemove(SmsRate rate) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("smsRates.remove"),
                getTranslation("smsRates.remove.text", countryName(rate.country())), getTranslation("smsRates.remove"),
                e -> {
                    rates.remove(rate.country());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
