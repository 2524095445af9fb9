/**
 * A small, strict XML well-formedness check for the diagram tests (no XML parser among the
 * dependencies): a scanner, no regular expressions. Throws on malformed input, otherwise returns
 * the element tree so tests can look at attributes and text.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i])) i++;
  };
  const readName = () => {
    const start = i;
    while (i < xml.length && NAME_CHARS.includes(xml[i])) i++;
    if (i === start) fail('expected a name');
    return xml.slice(start, i);
  };
  const decode = (raw: string) => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      if (raw[k] === '<') fail('"<" in text or attribute');
      if (raw[k] !== '&') {
        out += raw[k];
        continue;
      }
      const end = raw.indexOf(';', k);
      if (end < 0) fail('unterminated entity');
      const name = raw.slice(k + 1, end);
      if (name.startsWith('#')) out += String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      else if (name in ENTITIES) out += ENTITIES[name];
      else fail(`unknown entity &${name};`);
      k = end;
    }
    return out;
  };
  const skipUntil = (end: string) => {
    const at = xml.indexOf(end, i);
    if (at < 0) fail(`missing ${end}`);
    i = at + end.length;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) skipUntil('?>');
    else if (xml.startsWith('<!--', i)) skipUntil('-->');
    else if (xml.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (xml[i] !== '>') fail('expected ">"');
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name}>`);
    } else if (xml[i] === '<') {
      i++;
      const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) fail('a second root element');
      else root = el;
      for (;;) {
        const before = i;
        skipSpace();
        if (xml.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (xml[i] === '>') {
          i++;
          stack.push(el);
          break;
        }
        if (i === before) fail('expected whitespace before an attribute');
        const attr = readName();
        if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
        if (xml[i++] !== '=') fail('expected "="');
        const quote = xml[i++];
        if (quote !== '"' && quote !== "'") fail('expected a quote');
        const end = xml.indexOf(quote, i);
        if (end < 0) fail('unterminated attribute');
        el.attrs[attr] = decode(xml.slice(i, end));
        i = end + 1;
      }
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      const text = decode(raw);
      if (stack.length) stack[stack.length - 1].text += text;
      else if (text.trim()) fail('text outside the root element');
      i += raw.length;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) fail('no root element');
  return root as XmlElement;
}

/** Every element of the tree, depth first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

/** The text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join('');
}
