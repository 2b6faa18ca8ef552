// Accounts and sessions: argon2id password hashes, jose-signed JWTs, and throttled logins.
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { BadRequestError, ConflictError, UnauthenticatedError } from '../errors.js';
import type { Db } from '../store/db.js';
import * as accounts from '../store/accounts.store.js';
import { systemClock, type Clock } from './clock.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Role, Viewer } from './types.js';
import { charLength, hasControlCharacters, requireText } from './validate.js';

export const JWT_ISSUER = 'orderly';
export const JWT_AUDIENCE = 'orderly-api';
const ALGORITHM = 'HS256';
/** How many verified tokens a process remembers (each a few hundred bytes). */
const VERIFIED_TOKENS_KEPT = 10_000;

export interface AuthPayload extends Viewer {
  token: string;
}

export interface AuthDeps {
  db: Db;
  secret: string;
  ttlSeconds: number;
  throttle: LoginThrottle;
  /** Issue and expiry times; tests inject their own. */
  clock?: Clock;
}

export class AuthService {
  private readonly key: Uint8Array;
  /** Tokens verified before, oldest first, with what they say. */
  private readonly verified = new Map<string, Readonly<Viewer & { expiresAt: number }>>();
  /** Verified against when the name is unknown, so both failures cost the same time. */
  private dummyHash: Promise<string>;

  constructor(private readonly deps: AuthDeps) {
    this.key = new TextEncoder().encode(deps.secret);
    this.dummyHash = hashPassword('not-a-real-password');
  }

  async signUp(role: Role, nameInput: unknown, passwordInput: unknown): Promise<AuthPayload> {
    const name = requireText(nameInput, 'name', 3, 40);
    const password = requirePassword(passwordInput);
    const hash = await hashPassword(password);
    const id = await accounts.insertAccount(this.deps.db, role, name, hash);
    if (!id) throw new ConflictError(`The name "${name}" is already taken`, { field: 'name' });
    return this.issue({ role, id, name });
  }

  async login(
    role: Role,
    nameInput: unknown,
    passwordInput: unknown,
    address: string,
  ): Promise<AuthPayload> {
    const name = typeof nameInput === 'string' ? nameInput : '';
    const password = typeof passwordInput === 'string' ? passwordInput : '';
    const throttleKey = `${role}:${name}`;
    await this.deps.throttle.beforeAttempt(throttleKey, address);
    // A name that could never have been registered is simply unknown (and never reaches SQL).
    const account = isPlausibleName(name)
      ? await accounts.findAccount(this.deps.db, role, name)
      : null;
    const ok =
      password.length >= 1 &&
      password.length <= 200 &&
      (await verifyPassword(account?.password_hash ?? (await this.dummyHash), password));
    if (!account || !ok) {
      await this.deps.throttle.failed(throttleKey, address);
      throw new UnauthenticatedError('Wrong name or password');
    }
    await this.deps.throttle.succeeded(throttleKey);
    return this.issue({ role, id: account.id, name: account.name });
  }

  private get clock(): Clock {
    return this.deps.clock ?? systemClock;
  }

  async issue(viewer: Viewer): Promise<AuthPayload> {
    const now = Math.floor(this.clock.now() / 1000);
    const token = await new SignJWT({ role: viewer.role, name: viewer.name })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(viewer.id)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.deps.ttlSeconds)
      .sign(this.key);
    return { ...viewer, token };
  }

  /** The viewer a token speaks for; UNAUTHENTICATED when it is forged, expired or malformed. */
  async verify(token: string): Promise<Viewer & { expiresAt: number }> {
    // A token whose signature was checked stays good until it expires: skip the HMAC for it.
    const known = this.verified.get(token);
    if (known && this.clock.now() < known.expiresAt) return known;
    const viewer = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, viewer);
    return viewer;
  }

  private async verifySignature(token: string): Promise<Viewer & { expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'role'],
        currentDate: new Date(this.clock.now()),
      });
      const role = payload.role;
      if ((role !== 'user' && role !== 'business') || typeof payload.sub !== 'string') {
        throw new UnauthenticatedError('Invalid token');
      }
      return Object.freeze({
        role,
        id: payload.sub,
        name: typeof payload.name === 'string' ? payload.name : '',
        expiresAt: (payload.exp ?? 0) * 1000,
      });
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JWTExpired)
        throw new UnauthenticatedError('Your session has expired');
      throw new UnauthenticatedError('Invalid token');
    }
  }
}

function requirePassword(value: unknown): string {
  if (typeof value !== 'string' || charLength(value) < 8 || charLength(value) > 200) {
    throw new BadRequestError('password must be 8–200 characters', { field: 'password' });
  }
  return value;
}

function isPlausibleName(name: string): boolean {
  return name.length >= 1 && name.length <= 200 && !hasControlCharacters(name);
}
