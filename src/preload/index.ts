import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, ipcEventChannel, makeApi, unwrapEnvelope, type Envelope } from '../shared/contract';

/** Exposes only the named API built from the contract; the page never sees ipcRenderer. */
const api = makeApi(
  async (wire, input) => unwrapEnvelope((await ipcRenderer.invoke(ipcChannel(wire), input)) as Envelope),
  (event, listener) => {
    const channel = ipcEventChannel(event);
    const wrapped = (_: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.off(channel, wrapped);
  },
);

contextBridge.exposeInMainWorld('api', api);
