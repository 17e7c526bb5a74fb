package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Settings → Audit log: who did what and when, filterable, paged lazily from the database. */
@Route("settings/audit")
@PageTitle("Porte-Voix")
@Menu(order = 93, icon = "vaadin:clipboard-text", title = "nav.settings.audit")
@RolesAllowed("ACCOUNT_ADMIN")
final class AuditLogView extends Main {

    private final ComboBox<String> action = new ComboBox<>();
    private final TextField actor = new TextField();
    private final TextField text = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ConfigurableFilterDataProvider<AuditEntry, Void, AuditFilter> entries;
    private final ZoneId zone;

    AuditLogView(AuditLog audit, AccountQueries accounts) {
        addClassName("pv-view");
        zone = accounts.current().timeZone();
        action.setPlaceholder(getTranslation("audit.action"));
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        actor.setPlaceholder(getTranslation("audit.actor"));
        text.setPlaceholder(getTranslation("audit.search"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        for (TextField field : new TextField[] {actor, text}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
        }
        from.setPlaceholder(getTranslation("audit.from"));
        to.setPlaceholder(getTranslation("audit.to"));
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(text, action, actor, from, to);
        filters.addClassName("pv-toolbar");
        filters.setWidthFull();
        filters.setFlexGrow(1, text);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        entries = DataProvider.<AuditEntry, AuditFilter>fromFilteringCallbacks(
                query -> audit.find(query.getFilter().orElse(AuditFilter.NONE),
                        new PageSpec(query.getOffset(), Math.min(query.getLimit(), PageSpec.MAX_LIMIT))).stream(),
                query -> audit.count(query.getFilter().orElse(AuditFilter.NONE))).withConfigurableFilter();

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<AuditEntry> grid = new Grid<>();
        grid.addColumn(e -> format.format(e.at().atZone(zone))).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setFlexGrow(1);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("audit.target")).setFlexGrow(1);
        grid.addColumn(AuditEntry::details).setHeader(getTranslation("audit.details")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(entries);
        grid.setSizeFull();
        action.addValueChangeListener(e -> applyFilter());
        actor.addValueChangeListener(e -> applyFilter());
        text.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());
        Div content = new Div(filters, grid);
        content.addClassName("pv-list");
        add(content);
    }

    private void applyFilter() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        entries.setFilter(new AuditFilter(action.getValue(), actor.getValue(),
                start == null ? null : start.atStartOfDay(zone).toInstant(),
                end == null ? null : end.plusDays(1).atStartOfDay(zone).toInstant(), text.getValue()));
    }
}
