package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.BuiltInSegment;
import io.portevoix.audience.ExportCommands;
import io.portevoix.audience.ExportQueries;
import io.portevoix.audience.SegmentCommands;
import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentId;
import io.portevoix.audience.SegmentQueries;
import io.portevoix.audience.adapter.ui.picker.CriteriaBuilder;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shell.RowMenu;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segments: a builder of ALL/ANY rules (fields chosen from a list, operators offered by field
 * type, a live count as you edit) and the saved segments with their counts.
 */
@Route("segments")
@PageTitle("Porte-Voix")
@Menu(order = 12, icon = "vaadin:filter", title = "nav.segments")
@RolesAllowed("SEGMENTS_GUEST")
final class SegmentsView extends Main {

    private final SegmentQueries queries;
    private final SegmentCommands commands;
    private final CriteriaBuilder criteriaBuilder;
    private final Span count = new Span();
    private final TextField name = new TextField();
    private final Grid<SegmentDetails> saved = new Grid<>();
    private final NumberFormat numbers;
    private @org.jspecify.annotations.Nullable SegmentResultPanel result;
    private @org.jspecify.annotations.Nullable SegmentId editing;
    private Button save = new Button();
    private final Map<SegmentId, Long> savedCounts = new java.util.HashMap<>();
    private final Span countedAt = new Span();

    SegmentsView(SegmentQueries queries, SegmentCommands commands, ExportQueries exportQueries,
            ExportCommands exportCommands, AttributeSettings attributes) {
        this.queries = queries;
        this.commands = commands;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        addClassName("pv-view");
        criteriaBuilder = new CriteriaBuilder(queries, attributes);
        count.setId("segment-count");
        count.addClassName("pv-live-count");
        criteriaBuilder.addToHeader(count);
        name.setPlaceholder(getTranslation("segments.name"));
        name.setId("segment-name");
        save = new Button(getTranslation("segments.save"), VaadinIcon.CHECK.create(), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-segment");
        boolean editor = TenantContext.currentActorCan(Area.SEGMENTS, AccessLevel.EDITOR);
        HorizontalLayout saving = new HorizontalLayout(name, save);
        saving.setVisible(editor);
        Div builder = new Div(new H3(getTranslation("segments.builder")), criteriaBuilder, saving);
        builder.addClassName("pv-segment-builder");

        ZoneId zone = ZoneId.of("Europe/Paris");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        saved.addColumn(SegmentDetails::name).setHeader(getTranslation("segments.name")).setFlexGrow(2);
        saved.addColumn(s -> savedCounts.containsKey(s.id()) ? numbers.format(savedCounts.get(s.id())) : "—")
                .setHeader(getTranslation("segments.count")).setAutoWidth(true);
        saved.addColumn(SegmentDetails::createdBy).setHeader(getTranslation("audit.actor")).setFlexGrow(1);
        saved.addColumn(s -> format.format(s.updatedAt().atZone(zone))).setHeader(getTranslation("segments.updatedAt"))
                .setAutoWidth(true);
        saved.addComponentColumn(s -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("segments.edit"), e -> {
                load(s.name(), s.criteria());
                editing = s.id();
                save.setText(getTranslation("segments.update"));
            }).setEnabled(editor);
            menu.addItem(getTranslation("segments.showExport"), e -> {
                load(s.name(), s.criteria());
                if (result != null) {
                    result.show();
                    result.scrollIntoView();
                }
            });
            menu.addItem(getTranslation("segments.duplicate"), e -> {
                commands.duplicate(s.id());
                refreshSaved();
            }).setEnabled(editor);
            menu.addItem(getTranslation("action.delete"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("segments.delete.title"),
                        getTranslation("segments.delete.text", s.name()), getTranslation("action.delete"), ok -> {
                            try {
                                commands.delete(s.id());
                            } catch (io.portevoix.audience.SegmentInUseException inUse) {
                                Notification.show(getTranslation("segments.inUse", String.join(", ", inUse.campaigns())),
                                        6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
                                return;
                            }
                            if (s.id().equals(editing)) {
                                startNew();
                            }
                            refreshSaved();
                        });
                confirm.setConfirmButtonTheme("error primary");
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            }).setEnabled(editor);
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        saved.setId("saved-segments");
        saved.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        saved.setAllRowsVisible(true);
        Grid<BuiltInSegment> builtIns = new Grid<>();
        builtIns.addColumn(b -> getTranslation("segments.builtin." + b.key())).setHeader(getTranslation("segments.name"))
                .setFlexGrow(2);
        builtIns.addColumn(b -> numbers.format(queries.count(b.criteria()))).setHeader(getTranslation("segments.count"))
                .setAutoWidth(true);
        builtIns.addComponentColumn(b -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("segments.load"), e -> load(getTranslation("segments.builtin." + b.key()),
                    b.criteria()));
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        builtIns.setItems(queries.builtIns());
        builtIns.setAllRowsVisible(true);
        builtIns.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        builtIns.setId("builtin-segments");
        add(builder);
        if (TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.GUEST)) {
            result = new SegmentResultPanel(exportQueries, exportCommands, this::criteria, () -> queries.count(criteria()));
            add(result);
        }
        Button recountSaved = new Button(getTranslation("segments.refresh"), VaadinIcon.REFRESH.create(), e -> refreshSaved());
        recountSaved.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        countedAt.addClassName("pv-total");
        countedAt.setId("segments-counted-at");
        HorizontalLayout savedHeader = new HorizontalLayout(new H3(getTranslation("segments.saved")), countedAt, recountSaved);
        savedHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("segments.builtins")), builtIns, savedHeader, saved);
        criteriaBuilder.onChange(this::recount);
        criteriaBuilder.addEmptyRule();
        refreshSaved();
    }

    /** Saved segments with their counts, computed now and shown with that time. */
    private void refreshSaved() {
        List<SegmentDetails> all = queries.list();
        savedCounts.clear();
        all.forEach(segment -> savedCounts.put(segment.id(), queries.count(segment.id())));
        saved.setItems(all);
        countedAt.setText(getTranslation("segments.countedAt", java.time.LocalTime.now(java.time.ZoneId.of("Europe/Paris"))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
    }

    private void startNew() {
        editing = null;
        save.setText(getTranslation("segments.save"));
    }

    private void recount() {
        try {
            count.setText(getTranslation("segments.live", numbers.format(queries.count(criteria()))));
            count.getElement().getThemeList().set("error", false);
            if (result != null) {
                result.refreshExportArea();
            }
        } catch (InvalidInputException e) {
            count.setText(getTranslation("segments.incomplete"));
        }
    }

    private void save() {
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("validation.required"));
            return;
        }
        if (editing == null) {
            commands.create(name.getValue(), criteria());
        } else {
            commands.update(editing, name.getValue(), criteria());
            startNew();
        }
        Notification.show(getTranslation("segments.saved.done", name.getValue()), 3000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refreshSaved();
    }

    private void load(String segmentName, Object tree) {
        criteriaBuilder.load(tree);
        name.setValue(segmentName);
    }

    private Map<String, Object> criteria() {
        return criteriaBuilder.criteria();
    }

}
