package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.CsvFormat;
import io.portevoix.audience.ExportCommands;
import io.portevoix.audience.ExportQueries;
import io.portevoix.audience.ExportStatus;
import io.portevoix.audience.ExportSummary;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The seed's "field selection": choose columns, see the matching members in a lazy grid, export
 * them as CSV (Excel FR or RFC 4180) — straight away for a result of up to {@value #DIRECT_LIMIT}
 * contacts, otherwise as a background export with a progress bar and a download link.
 */
final class SegmentResultPanel extends Div {

    static final int DIRECT_LIMIT = 20_000;
    private static final List<String> DEFAULT_COLUMNS = List.of("lastName", "firstName", "email", "mobile", "status",
            "subscription.endDate");

    private final ExportQueries queries;
    private final ExportCommands commands;
    private final Supplier<Map<String, Object>> criteria;
    private final LongSupplier count;
    private final MultiSelectComboBox<String> columns = new MultiSelectComboBox<>();
    private final Select<CsvFormat> format = new Select<>();
    private final Grid<ContactDetails> members = new Grid<>();
    private final Div exportArea = new Div();
    private final Grid<ExportSummary> exports = new Grid<>();
    private final NumberFormat numbers;
    private final boolean approver = TenantContext.currentActorCan(Area.CONTACTS, AccessLevel.APPROVER);

    SegmentResultPanel(ExportQueries queries, ExportCommands commands, Supplier<Map<String, Object>> criteria,
            LongSupplier count) {
        this.queries = queries;
        this.commands = commands;
        this.criteria = criteria;
        this.count = count;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        addClassName("pv-segment-builder");
        setId("segment-result");
        columns.setLabel(getTranslation("segments.result.columns"));
        columns.setItems(queries.columns());
        columns.setItemLabelGenerator(c -> label(c));
        columns.select(DEFAULT_COLUMNS);
        columns.setWidth("520px");
        columns.setId("result-columns");
        Button show = new Button(getTranslation("segments.result.show"), VaadinIcon.TABLE.create(), e -> show());
        show.setId("result-show");
        format.setLabel(getTranslation("segments.result.format"));
        format.setItems(CsvFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("segments.result.format." + f.name()));
        format.setValue(CsvFormat.EXCEL_FR);
        format.setVisible(approver);
        format.setWidth("280px");
        HorizontalLayout toolbar = new HorizontalLayout(columns, show, format, exportArea);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("pv-toolbar");
        members.setId("segment-members");
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        members.setHeight("360px");
        members.setVisible(false);
        exports.setId("exports");
        exports.addColumn(ExportSummary::name).setHeader(getTranslation("segments.exports.name")).setFlexGrow(2);
        exports.addComponentColumn(this::progress).setHeader(getTranslation("segments.exports.progress")).setFlexGrow(2);
        exports.addComponentColumn(this::downloadLink).setHeader("").setAutoWidth(true);
        exports.setAllRowsVisible(true);
        exports.addThemeVariants(GridVariant.LUMO_COMPACT);
        exports.setVisible(false);
        add(new H3(getTranslation("segments.result")), new Paragraph(getTranslation("segments.result.text")), toolbar,
                members, exports);
        refreshExportArea();
        refreshExports();
    }

    private String label(String column) {
        String key = "field." + column;
        String text = getTranslation(key);
        return text.equals(key) || text.startsWith("!") ? column : text;
    }

    private List<String> chosen() {
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(queries.columns()));
        ordered.retainAll(columns.getSelectedItems());
        return ordered;
    }

    void show() {
        members.removeAllColumns();
        List<String> shown = chosen();
        for (String column : shown) {
            members.addColumn(c -> queries.value(c, column, CsvFormat.EXCEL_FR)).setHeader(label(column)).setAutoWidth(true)
                    .setResizable(true);
        }
        Map<String, Object> current = criteria.get();
        members.setItems(query -> queries.members(current, new PageSpec(query.getOffset(),
                Math.min(query.getLimit(), PageSpec.MAX_LIMIT))).stream());
        members.setVisible(true);
        refreshExportArea();
    }

    /** The export action that fits the current result: a direct download, or a background export. */
    void refreshExportArea() {
        exportArea.removeAll();
        if (!approver) {
            return;
        }
        long matching;
        try {
            matching = count.getAsLong();
        } catch (InvalidInputException incomplete) {
            return;
        }
        if (matching <= DIRECT_LIMIT) {
            Map<String, Object> current = criteria.get();
            Anchor download = new Anchor((DownloadHandler) event -> {
                event.setFileName("contacts-" + LocalDate.now() + ".csv");
                event.setContentType("text/csv;charset=utf-8");
                try (OutputStream out = event.getOutputStream()) {
                    commands.export(current, chosen(), format.getValue(), out);
                }
            }, "");
            download.getElement().setAttribute("download", true);
            download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("segments.result.export",
                    numbers.format(matching))));
            download.setId("result-export");
            download.addClassName("pv-link-button");
            exportArea.add(download);
        } else {
            Button background = new Button(getTranslation("segments.result.background", numbers.format(matching)),
                    VaadinIcon.TIME_FORWARD.create(), e -> {
                        commands.startExport(getTranslation("segments.exports.default", LocalDate.now()), criteria.get(),
                                chosen(), format.getValue());
                        refreshExports();
                    });
            background.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            background.setId("result-background-export");
            exportArea.add(background);
        }
    }

    private void refreshExports() {
        if (!approver) {
            return;
        }
        List<ExportSummary> all = queries.exports();
        exports.setItems(all);
        exports.setVisible(!all.isEmpty());
        boolean running = all.stream().anyMatch(e -> e.status() == ExportStatus.QUEUED || e.status() == ExportStatus.RUNNING);
        getUI().ifPresent(ui -> ui.setPollInterval(running ? 1000 : -1));
    }

    private Div progress(ExportSummary export) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, export.total()), export.written());
        bar.setIndeterminate(export.status() == ExportStatus.QUEUED);
        Span text = new Span(getTranslation("segments.exports.status." + export.status().name(),
                numbers.format(export.written()), numbers.format(export.total())));
        text.addClassName("pv-secondary");
        Div cell = new Div(bar, text);
        cell.addClassName("pv-template-cell");
        return cell;
    }

    private com.vaadin.flow.component.Component downloadLink(ExportSummary export) {
        if (export.status() != ExportStatus.DONE) {
            return new Span();
        }
        Anchor link = new Anchor((DownloadHandler) event -> {
            event.setFileName(export.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".csv");
            event.setContentType("text/csv;charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                queries.download(export.id(), out);
            }
        }, "");
        link.getElement().setAttribute("download", true);
        link.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("segments.exports.download")));
        link.addClassName("pv-link-button");
        return link;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(poll -> refreshExports());
        refreshExports();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
