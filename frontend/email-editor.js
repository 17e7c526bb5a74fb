// <pv-email-editor>: the drag-and-drop e-mail editor (GrapesJS + newsletter preset).
// Light DOM on purpose: GrapesJS styles its panels with global CSS.
// Everything is bundled: nothing may load from the web (no CDN, no icon font).
import grapesjs from 'grapesjs';
import * as newsletterModule from 'grapesjs-preset-newsletter';
import grapesCss from 'grapesjs/dist/css/grapes.min.css?inline';
import fr from 'grapesjs/locale/fr.mjs';

// The preset ships as UMD (module.exports = { default: plugin }): depending on the bundler's
// CommonJS interop the plugin is the namespace's default, or that default's default.
const newsletter = [newsletterModule.default?.default, newsletterModule.default, newsletterModule]
  .find((candidate) => typeof candidate === 'function');

const CHANGE_DELAY_MS = 1500;
// Not 'grid-items' / 'list-items': their images come from a placeholder web service.
const PRESET_BLOCKS = ['sect100', 'sect50', 'sect30', 'sect37', 'button', 'divider', 'text', 'text-sect', 'image', 'quote'];
const MOBILE_CMD = 'set-device-mobile';
const DESKTOP_CMD = 'set-device-desktop';

const TEXTS = {
  fr: {
    layout: 'Mise en page',
    clubBlocks: 'Identité du club',
    blocks: {
      sect100: '1 colonne', sect50: '2 colonnes', sect30: '3 colonnes', sect37: '30 / 70',
      button: 'Bouton', divider: 'Séparateur', text: 'Texte', 'text-sect': 'Titre et texte',
      image: 'Image', quote: 'Citation',
    },
    content: { text: 'Votre texte ici', title: 'Votre titre ici', paragraph: 'Votre paragraphe ici.', button: 'Bouton' },
    preset: {
      modalTitleImport: 'Importer du HTML', modalBtnImport: 'Importer',
      modalTitleExport: 'Code HTML', textCleanCanvas: 'Effacer tout le contenu du message ?',
    },
  },
  en: {
    layout: 'Layout',
    clubBlocks: 'Branding',
    blocks: {},
    content: { text: 'Insert your text here', title: 'Insert title here', paragraph: 'Insert your paragraph here.', button: 'Button' },
    preset: { modalTitleImport: 'Import HTML', modalTitleExport: 'HTML code', textCleanCanvas: 'Clear the whole message?' },
  },
};

// What the preset's Style Manager adds and grapesjs/locale/fr does not translate.
const FR_EXTRA = {
  styleManager: {
    properties: {
      'min-height': 'Hauteur min.', 'text-decoration': 'Décoration du texte', 'font-style': 'Style de police',
      'vertical-align': 'Alignement vertical', 'border-collapse': 'Fusion des bordures',
    },
    options: {
      'text-align': { left: 'Gauche', center: 'Centre', right: 'Droite', justify: 'Justif.' },
      'text-decoration': { none: 'Aucune', underline: 'Souligné', 'line-through': 'Barré' },
      'font-style': { normal: 'Normal', italic: 'Italique' },
      'border-collapse': { separate: 'Non', collapse: 'Oui' },
    },
  },
};

// The upload zone of the asset dialog does nothing without an upload URL: the server provides the images.
const EXTRA_CSS = `
pv-email-editor .gjs-am-file-uploader { display: none; }
pv-email-editor .gjs-am-assets-cont { width: 100%; }`;

function presetBlock(id, t) {
  const def = { category: t.layout };
  if (t.blocks[id]) def.label = t.blocks[id];
  const c = t.content;
  if (id === 'text') def.content = { type: 'text', content: c.text, style: { padding: '10px' } };
  if (id === 'text-sect') def.content = `<h1 class="heading">${c.title}</h1><p class="paragraph">${c.paragraph}</p>`;
  if (id === 'button') def.content = `<a class="button">${c.button}</a>`;
  return def;
}

// DOMParser puts a comment that comes before any element outside <body> (HTML spec), so a leading
// Outlook conditional comment would vanish: an explicit <body> keeps it in.
const keepLeadingComment = (html) => (/^\s*<!--/.test(html) ? `<body>${html}` : html);

const tick = () => new Promise((resolve) => setTimeout(resolve));

// GrapesJS escapes < > & in text and " in attribute values: inside a Liquid tag that breaks Liquid
// ({% if a &gt; 1 %}, default: &quot;x&quot;). Put the characters back, and quote an attribute whose
// Liquid needs " with ' instead.
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const decodeLiquid = (s, re) => s.replace(LIQUID, (tag) => tag.replace(re, (e) => ENTITIES[e]));

function restoreLiquid(html) {
  return decodeLiquid(html, /&(lt|gt|amp);/g).replace(/="([^"']*&quot;[^"']*)"/g, (attr, value) => {
    const decoded = decodeLiquid(value, /&quot;/g);
    return decoded === value ? attr : `='${decoded}'`;
  });
}

// Opens the rich text editor on a text component as a double click does (GrapesJS may open it on an
// enclosing text instead); resolves to the component being edited, if any.
function startEditing(editor, component) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      editor.off('rte:enable', done);
      setTimeout(() => resolve(editor.getEditing()));
    };
    const timer = setTimeout(done, 1000);
    editor.on('rte:enable', done);
    component.trigger('active');
  });
}

// The caret as a number of characters from the start of `el`, or null when it is not in `el`.
function caretOffset(el) {
  const sel = el.ownerDocument.getSelection();
  if (!sel?.rangeCount || !el.contains(sel.focusNode)) return null;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.setEnd(sel.focusNode, sel.focusOffset);
  return range.toString().length;
}

function placeCaret(el, offset) {
  const doc = el.ownerDocument;
  const range = doc.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), rest = offset ?? Infinity; node; node = walker.nextNode()) {
    if (rest <= node.length) {
      range.setStart(node, rest);
      range.collapse(true);
      break;
    }
    rest -= node.length;
  }
  doc.getSelection().removeAllRanges();
  doc.getSelection().addRange(range);
}

// As a text node, so that a `<` in a Liquid condition is not taken for HTML.
function insertAtCaret(el, text) {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel.rangeCount || !el.contains(sel.focusNode)) placeCaret(el, Infinity);
  const range = sel.getRangeAt(0);
  // A tag typed against a word would glue to it ("décembreMartin"): keep a space before it.
  const probe = doc.createRange();
  probe.setStart(el, 0);
  probe.setEnd(range.startContainer, range.startOffset);
  const before = probe.toString();
  const node = doc.createTextNode(before && !/[\s\u00a0(«“'’]$/.test(before) ? ` ${text}` : text);
  range.deleteContents();
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
  el.dispatchEvent(new Event('input', { bubbles: true })); // counts as an edit (autosave)
}

const toAssets = (list) => (list || []).map(({ src, name, width, height }) => ({ type: 'image', src, name, width, height }));

class PvEmailEditor extends HTMLElement {
  #editor = null;
  #container = null;
  #changeTimer = 0;
  #caret = null;

  #rememberCaret = (ev) => {
    const editing = this.#editor?.getEditing();
    if (editing && !ev.composedPath().includes(this)) {
      this.#caret = { component: editing, offset: caretOffset(editing.getEl()) };
    }
  };

  connectedCallback() {
    this.style.display = 'block';
    this.style.height = '100%';
  }

  disconnectedCallback() {
    this.#destroy();
  }

  load(config) {
    this.#destroy();
    if (!document.getElementById('pv-grapes-css')) {
      const style = document.createElement('style');
      style.id = 'pv-grapes-css';
      style.textContent = grapesCss + EXTRA_CSS;
      document.head.appendChild(style);
    }
    const cfg = config || {};
    const lang = cfg.lang === 'en' ? 'en' : 'fr';
    const t = TEXTS[lang];
    this.#container = document.createElement('div');
    this.#container.style.height = '100%';
    this.appendChild(this.#container);

    const editor = grapesjs.init({
      container: this.#container,
      height: '100%',
      fromElement: false,
      storageManager: false,
      cssIcons: '', // the default is Font Awesome from a CDN
      telemetry: false, // on by default: posts to app.grapesjs.com
      noticeOnUnload: false,
      // Exported CSS is inlined by juice: the default '* { box-sizing: border-box }' would land on every tag.
      protectedCss: '',
      canvasCss: 'body { margin: 0; }',
      parser: { optionsHtml: { preParser: keepLeadingComment } },
      i18n: { locale: lang, detectLocale: false, messages: { fr }, messagesAdd: { fr: FR_EXTRA } },
      ...(cfg.projectData
        ? { projectData: JSON.parse(cfg.projectData) }
        : { components: cfg.html || '', style: cfg.css || '' }),
      assetManager: { assets: toAssets(cfg.assets), upload: false },
      deviceManager: {
        devices: [
          { id: 'Desktop', name: 'Desktop', width: '' },
          { id: 'Mobile', name: 'Mobile', width: '375px', widthMedia: '480px' },
        ],
      },
      plugins: [(ed) => newsletter(ed, { blocks: PRESET_BLOCKS, block: (id) => presetBlock(id, t), ...t.preset })],
    });
    this.#editor = editor;

    // The preset's device buttons target devices named 'Tablet' and 'Mobile portrait'.
    editor.Panels.removeButton('devices-c', 'set-device-tablet');
    editor.Commands.add(MOBILE_CMD, { run: (ed) => ed.setDevice('Mobile'), stop() {} });

    (cfg.blocks || []).forEach(({ id, label, category, content }) =>
      editor.Blocks.add(id, { label, content, category: category || t.clubBlocks }),
    );

    editor.on('rte:enable', () => (this.#caret = null));
    // Capture phase: before GrapesJS's own mousedown listener closes the text editor.
    document.addEventListener('mousedown', this.#rememberCaret, true);

    editor.onReady(() => {
      if (this.#editor !== editor) return;
      // The preset's radio buttons show Font Awesome icons, which are not loaded: show their names.
      ['text-decoration', 'font-style', 'text-align'].forEach((id) => {
        const prop = editor.StyleManager.getProperty('typography', id);
        prop?.setOptions(prop.getOptions().map(({ className, ...option }) => option));
      });
      editor.UndoManager.clear();
      // 'update' counts changes in the model; text being typed reaches it only when its editor closes.
      editor.on('update component:input', () => this.#changed());
      this.dispatchEvent(new CustomEvent('editor-ready', { bubbles: true, composed: true }));
    });
  }

  // A Promise: GrapesJS copies the text being typed into its model only asynchronously, and doing so
  // re-renders that text, which puts the caret back at its start; so wait for it and restore the caret.
  async getContent() {
    const editor = this.#editor;
    if (!editor) return null;
    const editing = editor.getEditing()?.getEl();
    const caret = editing && caretOffset(editing);
    if (editing) {
      editor.getEditing().trigger('sync:content', { noCount: true });
      await tick();
    }
    // The preset returns '<body …>…</body><style>…</style>' (the style keeps what juice cannot inline,
    // i.e. the @media rules, which are in `css` too): keep the body's inner HTML, like `load` takes it.
    const inlined = editor.runCommand('gjs-get-inlined-html');
    const body = /^<body[^>]*>([\s\S]*)<\/body>/.exec(inlined);
    const content = {
      html: restoreLiquid(body ? body[1] : inlined),
      css: editor.getCss(),
      projectData: JSON.stringify(editor.getProjectData()), // syncs the text being typed once more
    };
    if (editing) {
      await tick();
      placeCaret(editing, caret);
    }
    return content;
  }

  // Inserts at the caret of the text being edited. A click outside the editor (e.g. on the server's
  // merge-tag menu) makes GrapesJS close the text editor, so the caret is remembered on mousedown and
  // editing is reopened there. Otherwise appends to the selected text, or adds a text at the end.
  async insertMergeTag(snippet) {
    const editor = this.#editor;
    if (!editor) return false;
    let target = editor.getEditing();
    if (!target) {
      const selected = editor.getSelected();
      const caret = this.#caret && this.#caret.component === selected ? this.#caret.offset : null;
      if (selected?.isInstanceOf('text') && selected.get('editable')) {
        target = await startEditing(editor, selected);
        target && placeCaret(target.getEl(), target === selected ? caret : null);
      }
    }
    if (target) {
      insertAtCaret(target.getEl(), snippet);
    } else {
      const added = editor.getWrapper().append({ type: 'text', components: [{ type: 'textnode', content: snippet }] });
      editor.select(added[0]);
    }
    return true;
  }

  addAssets(list) {
    this.#editor?.Assets.add(toAssets(list));
  }

  selectBySelector(selector) {
    const wrapper = this.#editor?.getWrapper();
    if (!wrapper || !selector) return false;
    let found;
    try {
      found = wrapper.find(`:scope > ${selector}`)[0] || wrapper.find(selector)[0];
    } catch (e) {
      return false; // not a valid CSS selector
    }
    if (!found) return false;
    this.#editor.select(found);
    this.#editor.Canvas.scrollTo(found, { behavior: 'smooth', block: 'center' });
    return true;
  }

  setDevice(name) {
    const editor = this.#editor;
    if (!editor) return;
    // Through the panel button, so that the toolbar shows the right device.
    const button = editor.Panels.getButton('devices-c', name === 'Mobile' ? MOBILE_CMD : DESKTOP_CMD);
    button ? button.set('active', true) : editor.setDevice(name);
  }

  undo() {
    this.#editor?.UndoManager.undo();
  }

  redo() {
    this.#editor?.UndoManager.redo();
  }

  #changed() {
    clearTimeout(this.#changeTimer);
    this.#changeTimer = setTimeout(
      () => this.dispatchEvent(new CustomEvent('editor-change', { bubbles: true, composed: true })),
      CHANGE_DELAY_MS,
    );
  }

  #destroy() {
    clearTimeout(this.#changeTimer);
    document.removeEventListener('mousedown', this.#rememberCaret, true);
    this.#caret = null;
    const editor = this.#editor;
    const container = this.#container;
    this.#editor = this.#container = null;
    if (!container) return;
    container.style.display = 'none';
    // GrapesJS runs debounced handlers a few ticks after a selection changes (destroy deselects too),
    // and they throw if the editor is gone by then.
    editor.select([]);
    setTimeout(() => {
      editor.destroy();
      container.remove();
    }, 50);
  }
}

if (!customElements.get('pv-email-editor')) {
  customElements.define('pv-email-editor', PvEmailEditor);
}
