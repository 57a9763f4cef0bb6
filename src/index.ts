import { lazyTsParser } from './util/lazy-ts-parser';
import { rules } from '../rules/index';
import { buildConfigs } from './configs/index';
import { languages } from './conf/index';
import { name, version } from './util/package-info';

const plugin = {
  meta: { name, version, namespace: 'redis' },
  rules,
  languages,
  configs: {} as ReturnType<typeof buildConfigs>,
};
plugin.configs = buildConfigs(plugin, rules, lazyTsParser);

export = plugin;
