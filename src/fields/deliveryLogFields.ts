import type { Field } from 'payload'

import { translated } from '../translations/index.ts'

export const deliveryStatuses = ['pending', 'retrying', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/**
 * What a log of outgoing deliveries keeps per delivery (webhooks, partner pushes): its status, the
 * attempts, the receiver's last answer or error, and the exact body sent on every attempt.
 */
export const deliveryLogFields = (): Field[] => [
  {
    name: 'status',
    type: 'select',
    defaultValue: 'pending',
    index: true,
    label: translated('deliveryStatus'),
    options: deliveryStatuses.map((status) => ({
      label: translated(`deliveryStatus_${status}`),
      value: status,
    })),
    required: true,
  },
  { name: 'attempts', type: 'number', defaultValue: 0, label: translated('deliveryAttempts') },
  { name: 'lastStatusCode', type: 'number', label: translated('deliveryLastStatusCode') },
  { name: 'lastError', type: 'text', label: translated('deliveryLastError'), maxLength: 500 },
  {
    name: 'lastAttemptAt',
    type: 'date',
    admin: { date: { pickerAppearance: 'dayAndTime' } },
    label: translated('deliveryLastAttemptAt'),
  },
  {
    name: 'deliveredAt',
    type: 'date',
    admin: { date: { pickerAppearance: 'dayAndTime' } },
    label: translated('deliveryDeliveredAt'),
  },
  // The exact body sent on every attempt (its `id` is the delivery header receivers deduplicate on).
  { name: 'body', type: 'json', label: translated('deliveryBody') },
]
