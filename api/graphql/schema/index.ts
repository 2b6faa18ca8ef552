// Imports every type module and builds the schema; nothing that defines schema imports this file.
import { builder } from '../builder.js';
import './enums.js';
import './viewer.js';
import './auth.js';
import './menu-item.js';
import './order.js';
import './order-history.js';
import './kitchen.js';
import './webhooks.js';

export const schema = builder.toSchema();
