#!/usr/bin/env python3
"""Summarises tuning runs (digitbench run folders) as a tab-separated table, one row per trial.

    python3 benchmarks/tuning-table.py RUNS_DIR > benchmarks/results/tuning.tsv

Columns: run, plugin, overrides (-P ... and --train-size as given), tested on (validation split or test set),
training images, accuracy, train s, predict s (whole test/validation set), trial s, and for networks each
epoch's accuracy on the plugin's own validation images and training seconds. Standard library only; reads
results.json of schema version 1 (models), 2 (trials) or 3 (trials with grouped fields)."""
import glob
import json
import os
import sys


def trials(results):
    if (results.get('schemaVersion') or 1) < 2:
        return results.get('models')
    flat = []
    for t in results.get('trials') or []:
        # version 3 groups a trial's fields (evaluation, times, network, ...): read them as version 2's flat ones
        f = dict(t)
        for group in ('plugin', 'evaluation', 'times', 'network', 'resources'):
            if isinstance(t.get(group), dict):
                f.update(t[group])
        flat.append(f)
    return flat


def overrides(results, plugin):
    args = results.get('commandLine') or []
    out = []
    for i, a in enumerate(args):
        if a in ('-P', '--param') and i + 1 < len(args) and args[i + 1].startswith(plugin + '.'):
            out.append(args[i + 1][len(plugin) + 1:])
        if a in ('--train-size', '--test-size', '--seeds') and i + 1 < len(args):
            out.append(a + ' ' + args[i + 1])
    return ' '.join(out) or 'defaults'


def tested_on(results):
    transforms = results['data']['test'].get('transforms') or []
    return 'validation' if any('validation part' in t for t in transforms) else 'test'


def main(runs_dir):
    print('\t'.join(['run', 'plugin', 'overrides', 'tested on', 'training images', 'accuracy', 'train s', 'predict s',
                     'trial s', 'epochs (validation accuracy / seconds)']))
    for d in sorted(glob.glob(os.path.join(runs_dir, '*'))):
        f = os.path.join(d, 'results.json')
        if not os.path.isfile(f):
            continue
        r = json.load(open(f))
        for t in trials(r) or []:
            m = t.get('metrics') or {}
            hist = t.get('history') or []
            epochs = ' '.join('%d:%.4f/%.0f' % (h['epoch'], h.get('validationAccuracy') or 0, h['seconds']) for h in hist)
            fmt = lambda v, p: ('%.' + str(p) + 'f') % v if isinstance(v, (int, float)) else ''
            print('\t'.join([os.path.basename(d), t['pluginId'], overrides(r, t['pluginId']), tested_on(r),
                             str(t.get('trainingSize', '')), fmt(m.get('accuracy'), 4) if t['status'] == 'ok'
                             else 'failed: ' + (t.get('error') or ''), fmt(t.get('trainSeconds'), 1),
                             fmt(t.get('predictSeconds'), 1), fmt(t.get('trialSeconds'), 0), epochs]))


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
