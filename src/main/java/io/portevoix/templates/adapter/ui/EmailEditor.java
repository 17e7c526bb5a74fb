package io.portevoix.templates.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import io.portevoix.templates.AssetSummary;
import io.portevoix.templates.EditableEmail;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * GrapesJS with its newsletter preset, bundled from npm (no CDN), as a Vaadin component. The
 * browser keeps the editing state; the server loads it, and asks for the inlined HTML, the CSS
 * and the project data when it saves.
 */
@Tag("pv-email-editor")
@NpmPackage(value = "grapesjs", version = "0.23.6")
@NpmPackage(value = "grapesjs-preset-newsletter", version = "1.0.2")
@JsModule("./email-editor.js")
final class EmailEditor extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A block of the block manager (the account's branding). */
    record Block(String id, String label, String category, String content) {
    }

    /** What the editor holds now. */
    record Content(String html, String css, @Nullable String projectData) {
    }

    EmailEditor() {
        setSizeFull();
    }

    void load(EditableEmail email, List<Block> blocks, List<AssetSummary> assets, String lang) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("projectData", email.projectData());
        config.put("html", email.bodyHtml());
        config.put("css", email.css());
        config.put("blocks", blocks);
        config.put("assets", assets.stream().map(EmailEditor::asset).toList());
        config.put("lang", lang);
        getElement().executeJs("this.load(JSON.parse($0))", JSON.writeValueAsString(config));
    }

    void content(Consumer<Content> receiver) {
        getElement().executeJs("return Promise.resolve(this.getContent()).then(c => JSON.stringify(c))")
                .then(String.class, json -> receiver.accept(JSON.readValue(json, Content.class)));
    }

    void insertMergeTag(String snippet) {
        getElement().callJsFunction("insertMergeTag", snippet);
    }

    void addAssets(List<AssetSummary> assets) {
        getElement().executeJs("this.addAssets(JSON.parse($0))",
                JSON.writeValueAsString(assets.stream().map(EmailEditor::asset).toList()));
    }

    void select(String selector) {
        getElement().callJsFunction("selectBySelector", selector);
    }

    void device(String name) {
        getElement().callJsFunction("setDevice", name);
    }

    void undo() {
        getElement().callJsFunction("undo");
    }

    void redo() {
        getElement().callJsFunction("redo");
    }

    private static Map<String, Object> asset(AssetSummary asset) {
        return Map.of("src", asset.url(), "name", asset.fileName(), "width", asset.width(), "height", asset.height());
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    Registration addReadyListener(ComponentEventListener<ReadyEvent> listener) {
        return addListener(ReadyEvent.class, listener);
    }

    /** The content changed (debounced in the browser), for autosave. */
    @DomEvent("editor-change")
    public static final class ChangeEvent extends ComponentEvent<EmailEditor> {
        public ChangeEvent(EmailEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** The editor finished loading. */
    @DomEvent("editor-ready")
    public static final class ReadyEvent extends ComponentEvent<EmailEditor> {
        public ReadyEvent(EmailEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
