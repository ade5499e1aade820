/* The article editor as a township clerk expects it, on top of django-prose-editor's "configurable" preset.
   prose-editor merges this module's exports over its own extensions (DJANGO_PROSE_EDITOR_EXTENSIONS),
   so the overrides below replace the built-in extensions of the same name:
   - marks and blocks without markdown input/paste rules: typing *月*日 stays literal text;
   - the toolbar, its menus and dialogs in Chinese, with each shortcut in its tooltip, and a 快捷键 help;
   - a paste from Word or WPS reduced to headings, lists, bold, tables and plain paragraphs. */
import * as E from "django-prose-editor/editor"

const MAC = /Mac|iP(hone|ad|od)/.test(navigator.platform || "")

/* "Mod-Shift-8" as the key caps a person presses: Ctrl+Shift+8, or ⌘⇧8 on a Mac. */
export function keys(spec) {
  const names = MAC ? { Mod: "⌘", Shift: "⇧", Alt: "⌥" } : { Mod: "Ctrl", Shift: "Shift", Alt: "Alt" }
  const parts = spec.split("-").map((part) => names[part] || (part.length === 1 ? part.toUpperCase() : part))
  return parts.join(MAC ? "" : "+")
}

/* Menu item name → [Chinese label, shortcut or ""]. The names are prose-editor's own (menu.defineItem). */
const ITEMS = {
  heading2: ["二级标题", "Mod-Alt-2"],
  heading3: ["三级标题", "Mod-Alt-3"],
  heading4: ["四级标题", "Mod-Alt-4"],
  paragraph: ["正文段落", "Mod-Alt-0"],
  bulletList: ["项目符号列表", "Mod-Shift-8"],
  orderedList: ["编号列表", "Mod-Shift-7"],
  orderedListProperties: ["列表属性", ""],
  blockquote: ["引用", "Mod-Shift-b"],
  horizontalRule: ["分隔线", ""],
  figure: ["按网址插入图片", ""],
  bold: ["加粗", "Mod-b"],
  italic: ["斜体", "Mod-i"],
  underline: ["下划线", "Mod-u"],
  subscript: ["下标", "Mod-,"],
  superscript: ["上标", "Mod-."],
  link: ["插入链接", "Mod-k"],
  unlink: ["取消链接", ""],
  table: ["插入表格", ""],
  "table:addColumnAfter": ["在右侧插入列", ""],
  "table:deleteColumn": ["删除所在列", ""],
  "table:addRowAfter": ["在下方插入行", ""],
  "table:deleteRow": ["删除所在行", ""],
  "table:mergeCells": ["合并单元格", ""],
  "table:splitCell": ["拆分单元格", ""],
  "table:toggleHeaderCell": ["设为/取消表头单元格", ""],
  "table:deleteTable": ["删除表格", ""],
  "history:undo": ["撤销", "Mod-z"],
  "history:redo": ["重做", MAC ? "Shift-Mod-z" : "Mod-y"],
  shortcuts: ["快捷键说明", "Mod-/"],
}

/* Shortcuts that belong to no button, for the help dialog. */
const OTHER_SHORTCUTS = [
  ["换行但不分段", "Shift-Enter"],
  ["全选", "Mod-a"],
  ["粘贴为纯文字（去掉全部格式）", "Mod-Shift-v"],
]

export function tooltip(name) {
  const [label, shortcut] = ITEMS[name] || []
  if (!label) return ""
  return shortcut ? `${label}（${keys(shortcut)}）` : label
}

function localize(items) {
  for (const item of Object.values(items)) {
    const title = tooltip(item.name)
    if (!title) continue
    if (item.button) {
      item.button.title = title
      item.button.setAttribute("aria-label", title)
    }
    if (item.option) item.option.textContent = ITEMS[item.name][0]
  }
}

/* The dropdown's "which block is this" fallback button, shown when no option is active. */
function localizeDropdowns(dom) {
  for (const selected of dom.querySelectorAll(".prose-menubar__selected")) {
    selected.title = "段落格式"
    for (const button of selected.querySelectorAll("button")) {
      button.title = "段落格式"
      button.removeAttribute("aria-label")
      button.setAttribute("aria-hidden", "true")
      button.tabIndex = -1
    }
  }
}

export const Menu = E.Menu.extend({
  onCreate(props) {
    this.parent?.(props)
    localize(this.storage._definedItems)
    // The dropdown shows a clone of the active option's button: re-clone it with the Chinese title.
    this.editor.on("transaction", () => localizeDropdowns(this.storage.dom))
    this.editor.view.dispatch(this.editor.state.tr)
  },
})

/* Markdown shortcuts surprise people who never learnt markdown: *月*日 would become italics and lose its
   asterisks, **、~~、## and > would reformat text as it is typed or pasted. The list rules stay: "- " and
   "1. " start a list, as in Word and WPS. */
const noMarkdown = (extension) =>
  extension.extend({
    addInputRules: () => [],
    addPasteRules: () => [],
  })
export const Bold = noMarkdown(E.Bold)
export const Italic = noMarkdown(E.Italic)
export const Underline = noMarkdown(E.Underline)
export const Subscript = noMarkdown(E.Subscript)
export const Superscript = noMarkdown(E.Superscript)
export const Heading = noMarkdown(E.Heading)
export const Blockquote = noMarkdown(E.Blockquote)
export const HorizontalRule = noMarkdown(E.HorizontalRule)

/* prose-editor's node view writes "list-style-type: null" on a list without a chosen type: an unknown counter
   style, not the numbers the stylesheet gives. Only a chosen type goes inline. */
export const OrderedList = E.OrderedList.extend({
  addNodeView() {
    return ({ node, HTMLAttributes }) => {
      const dom = E.crel("ol", HTMLAttributes)
      if (node.attrs.type) dom.style.listStyleType = node.attrs.type
      return { dom, contentDOM: dom }
    }
  },
})

/* prose-editor's table dialog offers "Yes"/"No" as the option texts and compares them: ask in Chinese. */
const tableDialog = E.updateAttrsDialog(
  {
    rows: { type: "number", title: "行数", format: "number", default: "3", min: "1", max: "100" },
    cols: { type: "number", title: "列数", format: "number", default: "3", min: "1", max: "100" },
    withHeaderRow: { type: "boolean", title: "第一行作为表头" },
  },
  { title: "插入表格", submitText: "插入" },
)

export const Table = E.Table.extend({
  addCommands() {
    return {
      ...this.parent?.(),
      insertTableWithOptions:
        () =>
        ({ editor }) => {
          tableDialog(editor, { rows: "3", cols: "3", withHeaderRow: false }).then((attrs) => {
            if (!attrs) return
            const rows = Number.parseInt(attrs.rows, 10) || 3
            const cols = Number.parseInt(attrs.cols, 10) || 3
            editor.chain().focus().insertTable({ rows, cols, withHeaderRow: !!attrs.withHeaderRow }).run()
          })
          return true
        },
    }
  },
})

function showShortcuts(editor) {
  const row = (label, spec) => E.crel("tr", {}, [E.crel("td", { textContent: label }), E.crel("td", {}, [E.crel("kbd", { textContent: keys(spec) })])])
  const rows = Object.entries(ITEMS)
    .filter(([name, [, shortcut]]) => shortcut && name !== "shortcuts")
    .map(([, [label, shortcut]]) => row(label, shortcut))
  rows.push(...OTHER_SHORTCUTS.map(([label, spec]) => row(label, spec)))
  const close = E.crel("button", { type: "button", textContent: "关闭" })
  const dialog = E.crel("dialog", { className: "prose-editor-dialog clerk-shortcuts" }, [
    E.crel("h3", { className: "prose-editor-dialog-title", textContent: "快捷键" }),
    E.crel("table", {}, [
      E.crel("thead", {}, [E.crel("tr", {}, [E.crel("th", { textContent: "操作" }), E.crel("th", { textContent: "按键" })])]),
      E.crel("tbody", {}, rows),
    ]),
    E.crel("p", { textContent: "加粗、斜体、链接等先选中文字再按；标题、列表、引用作用于光标所在的段落。" }),
    close,
  ])
  dialog.setAttribute("aria-label", "快捷键")
  close.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => {
    dialog.remove()
    editor.view.focus()
  })
  document.body.append(dialog)
  dialog.showModal()
}

/* Word and WPS put their own markup on the clipboard: conditional comments, <o:p>, mso- styles, class names,
   fonts on every span, list bullets typed out as text in "mso-list" paragraphs. Keep the structure a county
   article has (headings, lists, bold, tables, paragraphs) and drop the rest before ProseMirror parses it. */
const OFFICE = /urn:schemas-microsoft-com:office|class="?Mso|mso-|<o:p|name="?Generator"? content="?(Microsoft|WPS|Kingsoft)/i
const ORDERED_MARKER = /^[(（]?([0-9０-９]+|[a-zA-Z]|[ivxlcIVXLC]+|[一二三四五六七八九十百]+)[.．)）、]/

function styleOf(el, property) {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, "i").exec(el.getAttribute("style") || "")
  return match ? match[1].trim() : ""
}

function unwrap(el) {
  el.replaceWith(...el.childNodes)
}

function isBlank(el) {
  return !el.querySelector("img, table, br") && !el.textContent.replace(/[\s\u00a0\u3000]/g, "")
}

/* Consecutive mso-list paragraphs become one <ul>/<ol>, nested by their "levelN"; the typed bullet or number
   (the span marked mso-list:Ignore) tells which. */
function buildLists(body) {
  let stack = []
  let last = null
  for (const p of [...body.querySelectorAll("p")]) {
    const list = styleOf(p, "mso-list")
    const levelMatch = /level(\d+)/i.exec(list)
    if (!list || !levelMatch || /^ignore$/i.test(list)) continue
    const level = Number(levelMatch[1])
    const marker = [...p.querySelectorAll("span")].find((s) => /mso-list\s*:\s*ignore/i.test(s.getAttribute("style") || ""))
    const ordered = marker ? ORDERED_MARKER.test(marker.textContent.trim()) : false
    marker?.remove()
    if (!last || p.previousElementSibling !== last) stack = []
    while (stack.length > level) stack.pop()
    while (stack.length < level) {
      const listEl = body.ownerDocument.createElement(ordered ? "ol" : "ul")
      if (stack.length) {
        const parentItem = stack.at(-1).lastElementChild || stack.at(-1).appendChild(body.ownerDocument.createElement("li"))
        parentItem.append(listEl)
      } else {
        p.before(listEl)
      }
      stack.push(listEl)
    }
    const item = body.ownerDocument.createElement("li")
    const para = body.ownerDocument.createElement("p")
    para.append(...p.childNodes)
    item.append(para)
    stack.at(-1).append(item)
    last = stack[0]
    p.remove()
  }
}

export function cleanOfficeHTML(html) {
  if (!OFFICE.test(html)) return html
  const doc = new DOMParser().parseFromString(html, "text/html")
  const body = doc.body
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT)
  const comments = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.remove()
  for (const el of body.querySelectorAll("style, script, meta, link, title, xml")) el.remove()
  // Images on an Office clipboard point at the writer's own disk (file:///C:/…) and cannot be shown.
  for (const img of body.querySelectorAll("img")) if (!/^(https?:|data:image\/)/i.test(img.getAttribute("src") || "")) img.remove()
  buildLists(body)
  for (const el of [...body.querySelectorAll("*")]) {
    const tag = el.localName
    if (tag.includes(":")) {
      // <o:p>, <v:shape>, <w:sdt>: keep any text, never the element.
      unwrap(el)
      continue
    }
    if (tag === "span" || tag === "font") {
      const bold = /^(bold|[6-9]00)$/i.test(styleOf(el, "font-weight"))
      const italic = /^italic$/i.test(styleOf(el, "font-style"))
      const underline = /underline/i.test(styleOf(el, "text-decoration"))
      let inner = el
      for (const [on, name] of [[bold, "strong"], [italic, "em"], [underline, "u"]]) {
        if (!on) continue
        const wrapper = doc.createElement(name)
        wrapper.append(...inner.childNodes)
        inner.append(wrapper)
        inner = wrapper
      }
      unwrap(el)
      continue
    }
    if (/^h[1-6]$/.test(tag)) {
      // The page's <h1> is the article title: Word's 标题 1/2/3 become the body's 二/三/四级标题.
      const level = Math.min(Number(tag[1]) + 1, 4)
      const heading = doc.createElement(`h${level}`)
      heading.append(...el.childNodes)
      el.replaceWith(heading)
      continue
    }
    for (const attr of [...el.attributes]) {
      if (!["href", "src", "alt", "colspan", "rowspan"].includes(attr.name)) el.removeAttribute(attr.name)
    }
  }
  for (const p of [...body.querySelectorAll("p, h2, h3, h4, li")]) {
    if (isBlank(p) && !p.closest("td, th")) p.remove()
  }
  // The public page indents each paragraph; typed full-width spaces would indent it twice.
  for (const p of body.querySelectorAll("p")) {
    const first = p.firstChild
    if (first && first.nodeType === Node.TEXT_NODE) first.textContent = first.textContent.replace(/^[\s\u00a0\u3000]+/, "")
  }
  return body.innerHTML
}

/* The clerk's additions: Word/WPS paste cleaning, the 快捷键 help button and its shortcut. */
export const ClerkTools = E.Extension.create({
  name: "clerkTools",

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "shortcuts",
      groups: "utility",
      button: buttons.material("keyboard", tooltip("shortcuts")),
      command: showShortcuts,
    })
  },

  addKeyboardShortcuts() {
    return {
      "Mod-/": ({ editor }) => {
        showShortcuts(editor)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [new E.Plugin({ props: { transformPastedHTML: cleanOfficeHTML } })]
  },
})
