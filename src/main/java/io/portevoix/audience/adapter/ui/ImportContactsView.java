package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.ImportCommands;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.ImportIssue;
import io.portevoix.audience.ImportPreview;
import io.portevoix.audience.ImportQueries;
import io.portevoix.audience.ImportStatus;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.MappingPreset;
import io.portevoix.audience.StartImport;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import wizard: upload a CSV or XLSX file, check the preview, map the columns (guessed from
 * their headers), choose the options, then follow the background import to its report, with a
 * downloadable error report.
 */
@Route("contacts/import")
@PageTitle("Porte-Voix")
@Menu(order = 11, icon = "vaadin:upload", title = "nav.imports")
@RolesAllowed("CONTACTS_EDITOR")
final class ImportContactsView extends Main {

    private final ImportQueries queries;
    private final ImportCommands commands;
    private final Div steps = new Div();
    private final Div progress = new Div();
    private final Grid<ImportSummary> recentImports = new Grid<>();
    private final NumberFormat numbers;
    private byte[] content = new byte[0];
    private String fileName = "";

    private final AttributeSettings attributes;
    private final Map<String, String> attributeLabels = new LinkedHashMap<>();

    ImportContactsView(ImportQueries queries, ImportCommands commands, AttributeSettings attributes) {
        this.attributes = attributes;
        this.queries = queries;
        this.commands = commands;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        addClassName("pv-view");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
            fileName = metadata.fileName();
            content = data;
            showPreview();
        }))));
        upload.setAcceptedFileTypes(".csv", ".txt", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(StartImport.MAX_BYTES);
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        upload.setId("import-upload");
        upload.setUploadButton(new Button(getTranslation("import.choose"), VaadinIcon.FILE_ADD.create()));
        steps.addClassName("pv-import-steps");
        add(new Paragraph(getTranslation("import.intro")), upload, steps, progress, recent());
    }

    private void showPreview() {
        steps.removeAll();
        progress.removeAll();
        ImportPreview preview = queries.preview(fileName, content);
        H3 title = new H3(getTranslation("import.preview", fileName));
        Span shape = new Span(getTranslation("import.shape", numbers.format(preview.records()), preview.encoding(),
                preview.separator().isEmpty() ? "—" : preview.separator()));
        shape.setId("import-shape");
        Grid<List<String>> rows = new Grid<>();
        for (int i = 0; i < preview.headers().size(); i++) {
            int column = i;
            rows.addColumn(row -> column < row.size() ? row.get(column) : "").setHeader(preview.headers().get(i))
                    .setAutoWidth(true);
        }
        rows.setItems(preview.rows());
        rows.setAllRowsVisible(true);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);

        List<String> targets = new ArrayList<>();
        targets.add("");
        targets.addAll(queries.mappableFields());
        Map<String, String> defined = new LinkedHashMap<>();
        attributes.definitions().forEach(d -> defined.put("attributes." + d.key(), d.label()));
        attributeLabels.putAll(defined);
        targets.addAll(defined.keySet());
        FormLayout mapping = new FormLayout();
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        Map<String, ComboBox<String>> choices = new LinkedHashMap<>();
        for (String header : preview.headers()) {
            ComboBox<String> choice = new ComboBox<>(header);
            List<String> options = new ArrayList<>(targets);
            String attribute = "attributes." + header.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^[^A-Za-z]+", "a");
            if (!options.contains(attribute)) {
                options.add(attribute);
            }
            choice.setItems(options);
            choice.setItemLabelGenerator(this::label);
            String guessed = preview.guessedMapping().getOrDefault(header, "");
            if (guessed.isEmpty()) {
                guessed = defined.entrySet().stream().filter(e -> fold(e.getValue()).equals(fold(header)))
                        .map(Map.Entry::getKey).findFirst().orElse(guessed);
            }
            choice.setValue(guessed);
            choices.put(header, choice);
            mapping.add(choice);
        }
        Component presets = presetBar(choices);
        Checkbox updateExisting = new Checkbox(getTranslation("import.updateExisting"), true);
        Map<String, Checkbox> defaults = new LinkedHashMap<>();
        Div consentDefaults = new Div(new Span(getTranslation("import.defaultConsents")));
        consentDefaults.addClassName("pv-consent-row");
        for (String channel : List.of("EMAIL", "SMS")) {
            for (String type : List.of("INFORMATIVE", "MARKETING")) {
                Checkbox box = new Checkbox(label("consent." + channel + "." + type), type.equals("INFORMATIVE"));
                box.setId("default-consent-" + channel + "-" + type);
                defaults.put(channel + "." + type, box);
                consentDefaults.add(box);
            }
        }
        com.vaadin.flow.component.select.Select<ConsentSource> source = new com.vaadin.flow.component.select.Select<>();
        source.setLabel(getTranslation("import.consentSource"));
        source.setItems(ConsentSource.IMPORT, ConsentSource.FORM);
        source.setItemLabelGenerator(s -> getTranslation("consentSource." + s.name()));
        source.setValue(ConsentSource.IMPORT);
        TextField listName = new TextField(getTranslation("import.listName"));
        listName.setValue(fileName);
        listName.setWidth("360px");
        Button start = new Button(getTranslation("import.start"), VaadinIcon.PLAY.create(), e -> {
            Map<String, String> chosen = new LinkedHashMap<>();
            choices.forEach((header, choice) -> chosen.put(header, choice.getValue() == null ? "" : choice.getValue()));
            Map<Channel, Map<BroadcastType, Boolean>> consents = new java.util.EnumMap<>(Channel.class);
            defaults.forEach((key, box) -> {
                boolean mapped = chosen.containsValue("consent." + key);
                if (!mapped) {
                    String[] parts = key.split("\\.");
                    consents.computeIfAbsent(Channel.valueOf(parts[0]), c -> new java.util.EnumMap<>(BroadcastType.class))
                            .put(BroadcastType.valueOf(parts[1]), box.getValue());
                }
            });
            ImportId id = commands.start(new StartImport(fileName, content, updateExisting.getValue(), chosen,
                    listName.getValue(), consents, source.getValue()));
            steps.removeAll();
            follow(id, preview.records());
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("start-import");
        steps.add(title, shape, rows, new H3(getTranslation("import.mapping")),
                new Paragraph(getTranslation("import.mapping.text")), presets, mapping, new H3(getTranslation("import.options")),
                updateExisting, listName, consentDefaults, source, new Div(start));
    }

    /**
     * Saved mappings: apply one to the columns of this file (headers compared ignoring case and
     * spaces; columns it does not know keep their guess), or save the current choices under a name.
     */
    private Component presetBar(Map<String, ComboBox<String>> choices) {
        ComboBox<MappingPreset> saved = new ComboBox<>(getTranslation("import.preset.apply"));
        saved.setItems(queries.presets());
        saved.setItemLabelGenerator(MappingPreset::name);
        saved.setPlaceholder(getTranslation("import.preset.none"));
        saved.setId("import-preset");
        saved.setWidth("280px");
        saved.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            Map<String, String> byHeader = new LinkedHashMap<>();
            e.getValue().mapping().forEach((header, field) -> byHeader.put(normalised(header), field));
            choices.forEach((header, choice) -> {
                String field = byHeader.get(normalised(header));
                if (field != null) {
                    choice.setValue(field);
                }
            });
        });
        TextField name = new TextField(getTranslation("import.preset.name"));
        name.setId("import-preset-name");
        name.setWidth("280px");
        Button save = new Button(getTranslation("import.preset.save"), VaadinIcon.BOOKMARK.create(), e -> {
            Map<String, String> chosen = new LinkedHashMap<>();
            choices.forEach((header, choice) -> chosen.put(header, choice.getValue() == null ? "" : choice.getValue()));
            try {
                MappingPreset preset = commands.savePreset(name.getValue(), chosen);
                saved.setItems(queries.presets());
                name.clear();
                name.setInvalid(false);
                com.vaadin.flow.component.notification.Notification.show(
                        getTranslation("import.preset.saved", preset.name()), 3000,
                        com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
            } catch (io.portevoix.shared.InvalidInputException invalid) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("import.preset.invalid"));
            }
        });
        save.setId("import-preset-save");
        save.setVisible(io.portevoix.tenancy.TenantContext.currentActorCan(io.portevoix.tenancy.Area.CONTACTS,
                io.portevoix.tenancy.AccessLevel.EDITOR));
        name.setVisible(save.isVisible());
        HorizontalLayout bar = new HorizontalLayout(saved, name, save);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        bar.addClassName("pv-toolbar");
        return bar;
    }

    private static String normalised(String header) {
        return header.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip()
                .toLowerCase(java.util.Locale.ROOT);
    }

    private String label(String target) {
        if (target == null || target.isEmpty()) {
            return getTranslation("import.ignore");
        }
        if (attributeLabels.containsKey(target)) {
            return getTranslation("import.customField", attributeLabels.get(target));
        }
        String key = "field." + target;
        String text = getTranslation(key);
        return text.startsWith("!") ? target : text;
    }

    private void follow(ImportId id, int expected) {
        progress.removeAll();
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setId("import-progress");
        Span status = new Span(getTranslation("import.status.QUEUED"));
        status.setId("import-status");
        progress.add(new H3(getTranslation("import.running", fileName)), bar, status);
        UI ui = UI.getCurrent();
        ui.setPollInterval(1000);
        var registration = new com.vaadin.flow.shared.Registration[1];
        registration[0] = ui.addPollListener(event -> queries.find(id).ifPresent(summary -> {
            int done = summary.created() + summary.updated() + summary.rejected();
            if (summary.status() == ImportStatus.RUNNING && expected > 0) {
                bar.setIndeterminate(false);
                bar.setValue(Math.min(1.0, done / (double) expected));
            }
            status.setText(getTranslation("import.status." + summary.status().name()) + " · "
                    + getTranslation("import.counts", numbers.format(summary.total()), numbers.format(summary.created()),
                            numbers.format(summary.updated()), numbers.format(summary.rejected())));
            if (summary.status() == ImportStatus.DONE || summary.status() == ImportStatus.FAILED) {
                ui.setPollInterval(-1);
                registration[0].remove();
                bar.setIndeterminate(false);
                bar.setValue(1.0);
                progress.add(report(summary));
                recentImports.setItems(queries.recent());
            }
        }));
    }

    private Component report(ImportSummary summary) {
        Div report = new Div();
        report.addClassName("pv-import-report");
        report.setId("import-report");
        if (summary.failure() != null) {
            report.add(new Paragraph(getTranslation("import.failed", summary.failure())));
        }
        Div cards = new Div(card("import.total", summary.total()), card("import.created", summary.created()),
                card("import.updated", summary.updated()), card("import.rejected", summary.rejected()));
        cards.addClassName("pv-cards");
        report.add(cards);
        List<ImportIssue> issues = new ArrayList<>(summary.errors());
        issues.addAll(summary.warnings());
        if (!issues.isEmpty()) {
            Grid<ImportIssue> grid = new Grid<>();
            grid.addColumn(i -> summary.errors().contains(i) ? getTranslation("import.error") : getTranslation("import.warning"))
                    .setHeader(getTranslation("import.kind")).setAutoWidth(true);
            grid.addColumn(ImportIssue::line).setHeader(getTranslation("import.line")).setAutoWidth(true);
            grid.addColumn(ImportIssue::column).setHeader(getTranslation("import.column")).setAutoWidth(true);
            grid.addColumn(ImportIssue::value).setHeader(getTranslation("import.value")).setAutoWidth(true);
            grid.addColumn(ImportIssue::reason).setHeader(getTranslation("import.reason")).setFlexGrow(1);
            grid.setItems(issues);
            grid.setAllRowsVisible(issues.size() <= 20);
            grid.setHeight(issues.size() <= 20 ? null : "480px");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            byte[] csv = errorReport(issues, summary);
            DownloadHandler download = event -> {
                event.setFileName("rapport-import-" + summary.id() + ".csv");
                event.setContentType("text/csv; charset=UTF-8");
                try (OutputStream out = event.getOutputStream()) {
                    out.write(csv);
                }
            };
            Anchor link = new Anchor(download, getTranslation("import.downloadReport"));
            link.getElement().setAttribute("download", true);
            link.setId("import-error-report");
            report.add(new H3(getTranslation("import.issues")), link, grid);
        }
        return report;
    }

    /** The error report as Excel (FR) opens it: UTF-8 with BOM, ';', formulas neutralised. */
    private byte[] errorReport(List<ImportIssue> issues, ImportSummary summary) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(";", getTranslation("import.kind"), getTranslation("import.line"),
                getTranslation("import.column"), getTranslation("import.value"), getTranslation("import.reason")))
                .append("\r\n");
        for (ImportIssue issue : issues) {
            csv.append(String.join(";", cell(summary.errors().contains(issue) ? getTranslation("import.error")
                    : getTranslation("import.warning")), String.valueOf(issue.line()), cell(issue.column()),
                    cell(issue.value()), cell(issue.reason()))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        return io.portevoix.shared.CsvCells.quoted(value);
    }

    private Div card(String key, int value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("pv-card-label");
        Span number = new Span(numbers.format(value));
        number.addClassName("pv-card-value");
        number.setId("import-" + key.substring(key.indexOf('.') + 1));
        Div card = new Div(label, number);
        card.addClassName("pv-card");
        return card;
    }

    private Component recent() {
        Grid<ImportSummary> grid = recentImports;
        grid.addColumn(ImportSummary::fileName).setHeader(getTranslation("import.file")).setFlexGrow(2);
        grid.addColumn(s -> getTranslation("import.status." + s.status().name())).setHeader(getTranslation("import.statusHeader"))
                .setAutoWidth(true);
        grid.addColumn(ImportSummary::total).setHeader(getTranslation("import.total")).setAutoWidth(true);
        grid.addColumn(ImportSummary::created).setHeader(getTranslation("import.created")).setAutoWidth(true);
        grid.addColumn(ImportSummary::updated).setHeader(getTranslation("import.updated")).setAutoWidth(true);
        grid.addColumn(ImportSummary::rejected).setHeader(getTranslation("import.rejected")).setAutoWidth(true);
        grid.addColumn(ImportSummary::createdBy).setHeader(getTranslation("audit.actor")).setFlexGrow(1);
        grid.setItems(queries.recent());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return new Div(new H3(getTranslation("import.recent")), grid);
    }
}
