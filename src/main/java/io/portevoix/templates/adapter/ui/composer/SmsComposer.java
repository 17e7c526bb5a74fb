package io.portevoix.templates.adapter.ui.composer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.portevoix.audience.BroadcastType;
import io.portevoix.templates.MergeTag;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.SmsEncoding;
import io.portevoix.templates.SmsLength;
import io.portevoix.templates.SmsRange;
import io.portevoix.templates.SmsReplacement;
import io.portevoix.templates.TemplateRenderer;
import java.util.List;

/**
 * The SMS composer: the text with merge tags, and live what it costs — encoding, characters,
 * parts, the characters that force UCS-2 (highlighted, with an offer to replace them), the opt-out
 * mention for marketing, and the shortest and longest rendering over real members.
 */
public final class SmsComposer extends Div {

    private final TemplateRenderer renderer;
    private final TextArea text = new TextArea();
    private final Checkbox marketing = new Checkbox();
    private final Div counter = new Div();
    private final Div highlighted = new Div();
    private final Div replacement = new Div();
    private final Div range = new Div();
    private final Div problems = new Div();
    private final Div bubble = new Div();
    private final Span senderName = new Span();

    public SmsComposer(TemplateRenderer renderer, List<MergeTag> tags, String initial, String stopMention, boolean editable) {
        this.renderer = renderer;
        addClassName("pv-sms-layout");
        text.setLabel(getTranslation("templates.sms.text"));
        text.setValue(initial);
        text.setMaxLength(1600);
        text.setWidthFull();
        text.setMinHeight("160px");
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(250);
        text.setId("sms-text");
        text.setReadOnly(!editable);
        text.addValueChangeListener(e -> update());
        marketing.setLabel(getTranslation("templates.sms.marketing", stopMention));
        marketing.setValue(true);
        marketing.setId("sms-marketing");
        marketing.addValueChangeListener(e -> update());
        MergeTagMenu menu = new MergeTagMenu(tags, snippet -> MergeTagMenu.insertAtCaret(text, snippet));
        menu.setId("sms-tags");
        menu.setVisible(editable);
        HorizontalLayout options = new HorizontalLayout(menu, marketing);
        options.setAlignItems(FlexComponent.Alignment.CENTER);
        counter.addClassName("pv-sms-counter");
        counter.setId("sms-counter");
        highlighted.addClassName("pv-sms-highlight");
        highlighted.setId("sms-highlight");
        replacement.addClassName("pv-sms-replacement");
        replacement.setId("sms-replacement");
        range.addClassName("pv-sms-range");
        range.setId("sms-range");
        problems.addClassName("pv-sms-problems");
        Div editor = new Div(text, options, problems, counter, highlighted, replacement, range);
        editor.addClassName("pv-sms-composer");
        senderName.addClassName("pv-phone-sender-name");
        senderName.setId("sms-phone-sender");
        senderName.setVisible(false);
        Div sender = new Div(senderName, new Span(getTranslation("templates.sms.phone")));
        sender.addClassName("pv-phone-sender");
        bubble.addClassName("pv-sms-bubble");
        bubble.setId("sms-bubble");
        Div phone = new Div(sender, bubble);
        phone.addClassName("pv-phone");
        add(editor, phone);
        update();
    }

    /** Shows who the SMS comes from at the top of the phone, as the member's phone would. */
    public void showSender(String label) {
        senderName.setText(label);
        senderName.setVisible(!label.isBlank());
    }

    public String value() {
        return text.getValue();
    }

    /** Replaces the text (e.g. with a template's), which updates the counter. */
    public void setValue(String value) {
        text.setValue(value == null ? "" : value);
    }

    /** Fixes the broadcast type (a campaign chooses it in its details): marketing adds the opt-out mention. */
    public void lockBroadcastType(BroadcastType type) {
        marketing.setValue(type == BroadcastType.MARKETING);
        marketing.setReadOnly(true);
    }

    public BroadcastType broadcastType() {
        return marketing.getValue() ? BroadcastType.MARKETING : BroadcastType.INFORMATIVE;
    }

    private void update() {
        problems.removeAll();
        String rendered;
        SmsRange members;
        try {
            rendered = renderer.previewSms(text.getValue(), null, broadcastType());
            members = renderer.smsRange(text.getValue(), broadcastType());
        } catch (MergeTagException e) {
            Span problem = new Span(TemplateMessages.describe(e));
            problem.addClassName("pv-error-text");
            problems.add(problem);
            return;
        }
        SmsLength length = SmsLength.of(rendered);
        bubble.setText(rendered);
        counter.removeAll();
        Span encoding = new Span(getTranslation("templates.sms.encoding." + length.encoding().name()));
        encoding.getElement().getThemeList().add(length.encoding() == SmsEncoding.GSM_7BIT ? "badge success" : "badge");
        encoding.setId("sms-encoding");
        Span figures = new Span(getTranslation("templates.sms.figures", length.characters(), length.parts(),
                length.remainingInPart()));
        figures.setId("sms-figures");
        counter.add(encoding, figures);

        highlighted.removeAll();
        if (length.encoding() == SmsEncoding.UCS2) {
            Span label = new Span(getTranslation("templates.sms.forcing"));
            label.addClassName("pv-secondary");
            highlighted.add(label);
            rendered.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                Span piece = new Span(ch);
                if (length.ucs2Characters().contains(ch)) {
                    piece.addClassName("pv-sms-ucs2");
                }
                highlighted.add(piece);
            });
        }
        highlighted.setVisible(length.encoding() == SmsEncoding.UCS2);

        replacement.removeAll();
        SmsReplacement offer = SmsReplacement.suggest(text.getValue());
        if (offer.changesAnything() && !text.isReadOnly()) {
            SmsLength after = SmsLength.of(SmsReplacement.suggest(rendered).after());
            Span title = new Span(getTranslation("templates.sms.replace.title"));
            title.addClassName("pv-check-rule");
            Div before = new Div(new Span(getTranslation("templates.sms.replace.before",
                    getTranslation("templates.sms.encoding." + length.encoding().name()), length.parts())),
                    new Span(text.getValue()));
            before.addClassName("pv-sms-before");
            Div afterText = new Div(new Span(getTranslation("templates.sms.replace.after",
                    getTranslation("templates.sms.encoding." + after.encoding().name()), after.parts())),
                    new Span(offer.after()));
            afterText.addClassName("pv-sms-after");
            Span changes = new Span(String.join(", ", offer.substitutions().stream()
                    .map(s -> s.from() + " → " + (s.to().isEmpty() ? "∅" : s.to()) + (s.count() > 1 ? " (×" + s.count() + ")" : ""))
                    .toList()));
            changes.addClassName("pv-secondary");
            Button apply = new Button(getTranslation("templates.sms.replace.apply"), VaadinIcon.MAGIC.create(),
                    e -> text.setValue(offer.after()));
            apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
            apply.setId("sms-replace");
            replacement.add(title, changes, before, afterText, apply);
        }
        replacement.setVisible(replacement.getChildren().findAny().isPresent());

        range.removeAll();
        if (members.sampled() > 0) {
            boolean same = members.shortest().parts() == members.longest().parts();
            range.add(VaadinIcon.USERS.create(), new Span(same
                    ? getTranslation("templates.sms.range.same", members.sampled(), members.shortest().characters(),
                            members.longest().characters(), members.longest().parts())
                    : getTranslation("templates.sms.range", members.sampled(), members.shortest().characters(),
                            members.longest().characters(), members.shortest().parts(), members.longest().parts())));
            if (members.longest().parts() > members.shortest().parts()) {
                Span warning = new Span(getTranslation("templates.sms.range.warning"));
                warning.addClassName("pv-warning-text");
                range.add(warning);
            }
        } else {
            range.add(new Span(getTranslation("templates.sms.range.none")));
        }
    }
}
