// Accounts and sessions: argon2id password hashes, jose-signed JWTs, and throttled logins.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { BadRequestError, ConflictError, UnauthenticatedError } from '../errors.js';
import type { EventBus } from '../pubsub.js';
import type { Db } from '../store/db.js';
import * as accounts from '../store/accounts.store.js';
import * as sessions from '../store/sessions.store.js';
import { isoAt, systemClock, type Clock } from './clock.js';
import type { LoginThrottle } from './login-throttle.js';
import { createPasswordQueue, type PasswordQueue } from './password-queue.js';
import { hashPassword } from './passwords.js';
import type { Role, Viewer } from '../domain/types.js';
import { isUuid } from './validate.js';
import { PASSWORD_MAX, PASSWORD_MIN, charLength, hasControlCharacters } from '../domain/limits.js';
import { nameProblem, normalizeName } from '../domain/names.js';
import { nameKey } from '../domain/name-key.js';

export const JWT_ISSUER = 'orderly';
export const JWT_AUDIENCE = 'orderly-api';
const ALGORITHM = 'HS256';
/** How many verified tokens a process remembers (each a few hundred bytes). */
const VERIFIED_TOKENS_KEPT = 10_000;

export interface AuthPayload extends Viewer {
  /** The access token. */
  token: string;
  refreshToken: string;
  /** When the access token expires (ISO). */
  expiresAt: string;
}

export interface AuthDeps {
  db: Db;
  secret: string;
  /** Lifetime of an access token. */
  ttlSeconds: number;
  /** Lifetime of a refresh token; each refresh issues a new one. */
  refreshTtlSeconds: number;
  throttle: LoginThrottle;
  /** Where argon2 runs, a few at a time; default: two at once. */
  passwords?: PasswordQueue;
  /** Issue and expiry times; tests inject their own. */
  clock?: Clock;
  /** Where a new business is announced (its public reads change). */
  pubsub?: EventBus;
}

export class AuthService {
  private readonly key: Uint8Array;
  /** Tokens verified before, oldest first, with what they say. */
  private readonly verified = new Map<string, Readonly<Viewer & { expiresAt: number }>>();
  /** Verified against when the name is unknown, so both failures cost the same time. */
  private dummyHash: Promise<string>;
  private readonly passwords: PasswordQueue;

  constructor(private readonly deps: AuthDeps) {
    this.key = new TextEncoder().encode(deps.secret);
    this.dummyHash = hashPassword('not-a-real-password');
    this.passwords = deps.passwords ?? createPasswordQueue(2);
  }

  async signUp(
    role: Role,
    nameInput: unknown,
    passwordInput: unknown,
    address: string,
  ): Promise<AuthPayload> {
    const name = requireName(nameInput);
    const password = requirePassword(passwordInput);
    await this.deps.throttle.beforeSignUp(address);
    const hash = await this.passwords.hash(password);
    const id = await accounts.insertAccount(this.deps.db, role, name, hash);
    if (!id) {
      throw new ConflictError(`The name "${name}" is already taken, or one that looks the same`, {
        field: 'name',
      });
    }
    if (role === 'business') this.deps.pubsub?.publish('businessUpdated', id, 'created');
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
    const plausible = isPlausibleName(name);
    // Look-alikes of one name share its count: `ALICE` and `ａｌｉｃｅ` are more guesses at alice.
    const throttleKey = `${role}:${plausible ? nameKey(name) : name}`;
    await this.deps.throttle.beforeAttempt(throttleKey, address);
    // A name that could never have been registered is simply unknown (and never reaches SQL).
    const account = plausible ? await accounts.findAccount(this.deps.db, role, name) : null;
    const ok =
      password.length >= 1 &&
      password.length <= 200 &&
      (await this.passwords.verify(account?.password_hash ?? (await this.dummyHash), password));
    if (!account || !ok) throw new UnauthenticatedError('Wrong name or password');
    await this.deps.throttle.succeeded(throttleKey, address);
    return this.issue({ role, id: account.id, name: account.name });
  }

  private get clock(): Clock {
    return this.deps.clock ?? systemClock;
  }

  /** Starts a session for the viewer: an access token and the session's first refresh token. */
  async issue(viewer: Viewer): Promise<AuthPayload> {
    const at = isoAt(this.clock.now());
    const sessionId = await sessions.insertSession(this.deps.db, viewer.role, viewer.id, at);
    return this.issueIn(sessionId, viewer);
  }

  /**
   * Trades a live refresh token for a new pair and retires it. A retired one presented again means
   * someone holds a copy: the whole session ends, for the thief and the owner alike.
   */
  async refresh(refreshToken: unknown): Promise<AuthPayload> {
    const hash = hashToken(refreshToken);
    const at = isoAt(this.clock.now());
    const row = hash ? await sessions.findRefreshToken(this.deps.db, hash) : null;
    if (!row || row.revoked_at)
      throw new UnauthenticatedError('This session has ended; log in again');
    if (row.retired_at || !(await sessions.retireRefreshToken(this.deps.db, hash!, at))) {
      await sessions.revokeSession(this.deps.db, row.session_id, at);
      throw new UnauthenticatedError('This session has ended; log in again');
    }
    if (new Date(row.expires_at).getTime() <= this.clock.now()) {
      throw new UnauthenticatedError('This session has expired; log in again');
    }
    const name = await accounts.accountName(this.deps.db, row.role, row.subject_id);
    if (name === null) {
      await sessions.revokeSession(this.deps.db, row.session_id, at);
      throw new UnauthenticatedError('This account no longer exists');
    }
    return this.issueIn(row.session_id, { role: row.role, id: row.subject_id, name });
  }

  /** Ends the session the refresh token belongs to; false for a token that was never issued. */
  async logout(refreshToken: unknown): Promise<boolean> {
    const hash = hashToken(refreshToken);
    const row = hash ? await sessions.findRefreshToken(this.deps.db, hash) : null;
    if (!row) return false;
    await sessions.revokeSession(this.deps.db, row.session_id, isoAt(this.clock.now()));
    return true;
  }

  private async issueIn(sessionId: string, viewer: Viewer): Promise<AuthPayload> {
    const nowMs = this.clock.now();
    const now = Math.floor(nowMs / 1000);
    const expires = now + this.deps.ttlSeconds;
    const token = await new SignJWT({ role: viewer.role, name: viewer.name, sid: sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(viewer.id)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(expires)
      .sign(this.key);
    const refreshToken = randomBytes(32).toString('base64url');
    await sessions.insertRefreshToken(this.deps.db, {
      hash: hashToken(refreshToken)!,
      sessionId,
      issuedAt: isoAt(nowMs),
      expiresAt: isoAt(nowMs + this.deps.refreshTtlSeconds * 1000),
    });
    return { ...viewer, token, refreshToken, expiresAt: isoAt(expires * 1000) };
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
      if ((role !== 'user' && role !== 'business') || !isUuid(payload.sub)) {
        throw new UnauthenticatedError('Invalid token');
      }
      // Checked once per token (it is remembered after): an account that is gone signs nothing.
      const name = await accounts.accountName(this.deps.db, role, payload.sub);
      if (name === null) throw new UnauthenticatedError('This account no longer exists');
      return Object.freeze({
        role,
        id: payload.sub.toLowerCase(),
        name,
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

/** The stored form of a refresh token; null for anything that cannot be one. */
function hashToken(token: unknown): string | null {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
  return createHash('sha256').update(token).digest('hex');
}

function requirePassword(value: unknown): string {
  if (
    typeof value !== 'string' ||
    charLength(value) < PASSWORD_MIN ||
    charLength(value) > PASSWORD_MAX
  ) {
    throw new BadRequestError(`password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`, {
      field: 'password',
    });
  }
  return value;
}

/** A name as it is stored: NFKC, with nothing hidden in it (names.ts); BAD_REQUEST otherwise. */
function requireName(value: unknown): string {
  if (typeof value !== 'string')
    throw new BadRequestError('name must be a string', { field: 'name' });
  const problem = nameProblem(value);
  if (problem) throw new BadRequestError(`name ${problem}`, { field: 'name' });
  return normalizeName(value);
}

function isPlausibleName(name: string): boolean {
  return name.length >= 1 && name.length <= 200 && !hasControlCharacters(name);
}
