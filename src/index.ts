import { rules } from '../rules/index';
import { buildConfigs } from './configs/index';
import { lazyTypeScriptParser } from './configs/lazy-parser';
import { languages } from './conf/index';
import { name, version } from './util/package-info';

const plugin = {
  meta: { name, version, namespace: 'redis' },
  rules,
  languages,
  configs: {} as ReturnType<typeof buildConfigs>,
};
plugin.configs = buildConfigs(plugin, rules, lazyTypeScriptParser);

export = plugin;
