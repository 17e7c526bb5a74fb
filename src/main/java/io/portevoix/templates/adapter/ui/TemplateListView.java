package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactQueries;
import io.portevoix.shell.RowMenu;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.SmsLength;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateRenderer;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.templates.TemplateSummary;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;

/** The template library: filters, the list with a 3-dot menu per row, and a preview of the selected template. */
@Route("templates")
@PageTitle("Porte-Voix")
@Menu(order = 20, icon = "vaadin:file-text-o", title = "nav.templates")
@RolesAllowed("TEMPLATES_GUEST")
final class TemplateListView extends Main {

    private final TemplateQueries queries;
    private final TemplateCommands commands;
    private final TemplateRenderer renderer;
    private final ContactQueries contacts;
    private final boolean editor = TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.EDITOR);
    private final boolean approver = TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.APPROVER);
    private final boolean headquarters;
    private final TextField search = new TextField();
    private final Select<Channel> channel = new Select<>();
    private final Select<TemplateStatus> status = new Select<>();
    private final Select<String> tag = new Select<>();
    private final Grid<TemplateSummary> grid = new Grid<>();
    private final Div preview = new Div();
    private final ZoneId zone;
    private @Nullable TemplateFilter shownFilter;

    TemplateListView(TemplateQueries queries, TemplateCommands commands, TemplateRenderer renderer,
            ContactQueries contacts, AccountQueries accounts) {
        this.queries = queries;
        this.commands = commands;
        this.renderer = renderer;
        this.contacts = contacts;
        this.zone = accounts.current().timeZone();
        this.headquarters = !accounts.children().isEmpty();
        addClassName("pv-view");

        search.setPlaceholder(getTranslation("templates.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("templates-search");
        search.addValueChangeListener(e -> searchChanged());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("templates.channel.all"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("templates.channel.all")
                : getTranslation("templates.channel." + c.name()));
        channel.addValueChangeListener(e -> refresh());
        status.setItems(TemplateStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("templates.status." + s.name()));
        status.setValue(TemplateStatus.ACTIVE);
        status.addValueChangeListener(e -> refresh());
        tag.setEmptySelectionAllowed(true);
        tag.setEmptySelectionCaption(getTranslation("templates.tag.all"));
        tag.setItems(queries.tags());
        tag.setItemLabelGenerator(t -> t == null ? getTranslation("templates.tag.all") : t);
        tag.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("templates.new"), VaadinIcon.PLUS.create(),
                e -> new NewTemplateDialog(queries, commands, this::open).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("template-new");
        create.setVisible(editor);
        Div spacer = new Div();
        HorizontalLayout toolbar = new HorizontalLayout(search, channel, status, tag, spacer, create);
        toolbar.setFlexGrow(1, spacer);
        toolbar.setWidthFull();
        toolbar.addClassName("pv-toolbar");

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("templates.name")).setFlexGrow(3);
        grid.addComponentColumn(t -> {
            Span badge = new Span((t.channel() == Channel.EMAIL ? VaadinIcon.ENVELOPE_O : VaadinIcon.MOBILE).create(),
                    new Span(getTranslation("templates.channel." + t.channel().name())));
            badge.getElement().getThemeList().add("badge contrast");
            return badge;
        }).setHeader(getTranslation("templates.channel")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> {
            Div tags = new Div();
            tags.addClassName("pv-tags");
            t.tags().forEach(label -> {
                Span chip = new Span(label);
                chip.getElement().getThemeList().add("badge pill small");
                tags.add(chip);
            });
            return tags;
        }).setHeader(getTranslation("templates.tags")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Span by = new Span(t.updatedBy());
            by.addClassName("pv-secondary");
            Div cell = new Div(new Span(format.format(t.updatedAt().atZone(zone))), by);
            cell.addClassName("pv-template-cell");
            return cell;
        }).setHeader(getTranslation("templates.updated")).setFlexGrow(1);
        grid.addComponentColumn(this::rowMenu).setWidth("70px").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("templates-grid");
        grid.addSelectionListener(e -> showPreview(e.getFirstSelectedItem().orElse(null)));
        grid.addItemDoubleClickListener(e -> open(e.getItem().id(), e.getItem().channel()));

        preview.addClassName("pv-template-preview");
        preview.setId("template-preview-panel");
        Div split = new Div(grid, preview);
        split.addClassName("pv-split");
        Div content = new Div(toolbar, split);
        content.addClassName("pv-list");
        add(content);
        refresh();
        showPreview(null);
    }

    private Component nameCell(TemplateSummary t) {
        Span name = new Span(t.name());
        name.addClassName("pv-template-name");
        Div cell = new Div(name);
        cell.addClassName("pv-template-cell");
        if (!t.description().isBlank()) {
            Span description = new Span(t.description());
            description.addClassName("pv-secondary");
            cell.add(description);
        }
        Div badges = new Div();
        badges.addClassName("pv-tags");
        TemplateBadges.add(badges, t);
        cell.add(badges);
        return cell;
    }

    private Component rowMenu(TemplateSummary t) {
        var menu = RowMenu.create();
        boolean lockedCopy = t.locked() && t.fromNetwork();
        menu.addItem(getTranslation(editor && !lockedCopy ? "templates.edit" : "templates.open"),
                e -> open(t.id(), t.channel()));
        menu.addItem(getTranslation("templates.duplicate"), e -> {
            TemplateDetails copy = commands.duplicate(t.id());
            TemplateMessages.success(getTranslation("templates.duplicated", copy.name()));
            refresh();
        }).setEnabled(editor && !lockedCopy);
        menu.addItem(getTranslation("templates.preview"), e -> previewDialog(t)).setEnabled(t.channel() == Channel.EMAIL);
        menu.addItem(getTranslation("templates.test"), e -> new SendTestDialog(commands, contacts, t.id(), t.name()).open())
                .setEnabled(editor && t.channel() == Channel.EMAIL);
        menu.addItem(getTranslation("templates.properties"), e -> queries.find(t.id()).ifPresent(details ->
                new DescribeTemplateDialog(commands, details, headquarters, () -> {
                    tag.setItems(queries.tags());
                    refresh();
                }).open())).setEnabled(editor && !lockedCopy && t.status() == TemplateStatus.ACTIVE);
        if (t.status() == TemplateStatus.ACTIVE) {
            menu.addItem(getTranslation("templates.archive"), e -> {
                commands.archive(t.id());
                refresh();
            }).setEnabled(editor);
        } else {
            menu.addItem(getTranslation("templates.reactivate"), e -> {
                commands.reactivate(t.id());
                refresh();
            }).setEnabled(editor);
        }
        if (headquarters && !t.fromNetwork()) {
            if (t.published()) {
                menu.addItem(getTranslation("templates.unpublish"), e -> {
                    commands.unpublish(t.id());
                    TemplateMessages.success(getTranslation("templates.unpublished"));
                    refresh();
                }).setEnabled(approver);
            } else {
                menu.addItem(getTranslation("templates.publish"), e -> {
                    int clubs = commands.publish(t.id());
                    TemplateMessages.success(getTranslation("templates.published", clubs));
                    refresh();
                }).setEnabled(approver && t.status() == TemplateStatus.ACTIVE);
            }
        }
        menu.addItem(getTranslation("action.delete"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("templates.delete.title"),
                    getTranslation("templates.delete.text", t.name()), getTranslation("action.delete"), ok -> {
                        commands.delete(t.id());
                        refresh();
                    });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        }).setEnabled(editor && !t.published() && !lockedCopy);
        return menu;
    }

    private void previewDialog(TemplateSummary t) {
        queries.find(t.id()).ifPresent(details -> new PreviewDialog(renderer, contacts, details.email(), details.name()).open());
    }

    private void open(io.portevoix.templates.TemplateId id, Channel templateChannel) {
        Class<? extends Component> view = templateChannel == Channel.EMAIL ? EmailTemplateEditorView.class
                : SmsTemplateEditorView.class;
        getUI().ifPresent(ui -> ui.navigate(view, new RouteParam("id", id.toString())));
    }

    private void refresh() {
        grid.setItems(queries.list(filter()));
    }

    private TemplateFilter filter() {
        return new TemplateFilter(search.getValue().strip(), channel.getValue(), status.getValue(), tag.getValue());
    }

    /** The search field fires on pauses and on Enter: the list is read again only when the filter changed. */
    private void searchChanged() {
        if (!filter().equals(shownFilter)) {
            shownFilter = filter();
            refresh();
        }
    }

    private void showPreview(@Nullable TemplateSummary selected) {
        preview.removeAll();
        if (selected == null) {
            Div empty = new Div(VaadinIcon.FILE_TEXT_O.create(), new Span(getTranslation("templates.preview.pick")));
            empty.addClassName("pv-empty-state");
            preview.add(empty);
            return;
        }
        TemplateDetails details = queries.find(selected.id()).orElse(null);
        if (details == null) {
            return;
        }
        preview.add(new H3(details.name()));
        try {
            if (details.channel() == Channel.EMAIL) {
                var rendered = renderer.previewEmail(details.email(), null, BroadcastType.MARKETING);
                Paragraph subject = new Paragraph(getTranslation("templates.field.subject") + " : " + rendered.subject());
                subject.addClassName("pv-secondary");
                IFrame frame = new IFrame();
                frame.setSrcdoc(rendered.html());
                frame.getElement().setAttribute("sandbox", "");
                frame.getElement().setAttribute("title", details.name());
                frame.addClassName("pv-preview-frame");
                frame.setId("template-preview-frame");
                preview.add(subject, frame);
            } else {
                String text = renderer.previewSms(details.smsText(), null, BroadcastType.MARKETING);
                Div bubble = new Div(new Span(text));
                bubble.addClassName("pv-sms-bubble");
                SmsLength length = SmsLength.of(text);
                Span counter = new Span(getTranslation("templates.sms.summary", length.characters(), length.parts(),
                        getTranslation("templates.sms.encoding." + length.encoding().name())));
                counter.addClassName("pv-secondary");
                preview.add(bubble, counter);
            }
        } catch (MergeTagException e) {
            preview.add(new Span(TemplateMessages.describe(e)));
        }
    }
}
