import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { RELATION_TYPES } from '../../vocabulary';
import { completeCypher, fallbackSchema, type CypherSchema } from './cypher-completion';

const CYPHER = StreamLanguage.define(cypher);
const FALLBACK_SCHEMA = fallbackSchema(RELATION_TYPES);

const COMPLETION_TYPES = { label: 'class', type: 'type', property: 'property', keyword: 'keyword' } as const;

/**
 * The console's editor: CodeMirror 6 with the Cypher mode, completion from the
 * graph's schema, Ctrl-Enter (⌘-Enter) runs. CodeMirror needs no eval and styles
 * through constructed stylesheets, so it runs under the page's CSP.
 */
export function CypherEditor({
  value,
  onChange,
  onRun,
  schema,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  schema: CypherSchema | null;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is built once: callbacks and schema are read through refs.
  const latest = useRef({ onChange, onRun, schema });
  latest.current = { onChange, onRun, schema };

  useEffect(() => {
    const complete = (context: CompletionContext): CompletionResult | null => {
      const currentSchema = latest.current.schema ?? FALLBACK_SCHEMA;
      const text = context.state.doc.toString();
      const found = completeCypher(text, context.pos, currentSchema);
      if (!found || (found.kind === 'keyword' && !context.explicit && context.pos - found.from < 2))
        return null;
      return {
        from: found.from,
        options: found.options.map((option) => ({ label: option, type: COMPLETION_TYPES[found.kind] })),
        validFor: /^\w*$/,
      };
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  latest.current.onRun();
                  return true;
                },
              },
            ]),
          ),
          lineNumbers(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          CYPHER,
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion({ override: [complete] }),
          placeholder('MATCH (o:Organisation) RETURN o LIMIT 10'),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Built once; `value` changes from outside are applied below.
  }, []);

  // A query loaded from outside (a saved query, a shared link) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div className="analysis-editor" ref={host} />;
}
