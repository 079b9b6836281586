import type { Handlers } from '../../../shared/contract';
import type { ExportService } from './service';

export function exportHandlers(service: ExportService): Handlers['export'] {
  return {
    check: (input) => service.check(input),
    preview: ({ options, ...input }) => service.preview(input, options),
    run: async ({ format, options, ...input }) => {
      const { data: _data, ...result } = await service.run(input, format, options);
      return result;
    },
    bibliography: (input) => service.bibliography(input),
  };
}
