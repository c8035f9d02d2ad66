// Everything the case screen shows, read from the API together and read again after every action: the case, its
// customer, each invoice's breakdown, the contact window per channel now, and (for managers) the collectors.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import type { CaseView, CollectorList, ContactWindow, Customer, InvoiceView } from '../../api-types';

export interface CaseData {
  view: CaseView;
  customer: Customer;
  invoices: InvoiceView[];
  windows: ContactWindow[];
  collectors: CollectorList['items'];
}

const CHANNELS = ['call', 'email', 'sms'] as const;

export const useCaseData = (caseId: string, manager: boolean) => {
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(async () => {
    try {
      const view = await api.get<CaseView>(`/v1/delinquencies/${encodeURIComponent(caseId)}`);
      const [customer, invoices, windows, collectors] = await Promise.all([
        api.get<Customer>(`/v1/customers/${encodeURIComponent(view.customerId)}`),
        Promise.all(view.invoiceIds.map((id) => api.get<InvoiceView>(`/v1/invoices/${encodeURIComponent(id)}`))),
        Promise.all(
          CHANNELS.map((channel) =>
            api.get<ContactWindow>(`/v1/delinquencies/${encodeURIComponent(caseId)}/contact-window`, { channel }),
          ),
        ),
        manager ? api.get<CollectorList>('/v1/collectors').then((list) => list.items) : Promise.resolve([]),
      ]);
      setData({ view, customer, invoices, windows, collectors });
      setError(null);
    } catch (caught) {
      setError(caught as Error);
    }
  }, [caseId, manager]);
  useEffect(() => {
    setData(null);
    void load();
  }, [load]);
  return { data, error, reload: load };
};
