import { graphql } from '../../gql';

export const UserLoginDocument = graphql(`
  mutation UserLogin($name: String!, $password: String!) {
    userLogin(name: $name, password: $password) {
      ...SessionFields
    }
  }
`);

export const BusinessLoginDocument = graphql(`
  mutation BusinessLogin($name: String!, $password: String!) {
    businessLogin(name: $name, password: $password) {
      ...SessionFields
    }
  }
`);

export const SignUpUserDocument = graphql(`
  mutation SignUpUser($name: String!, $password: String!) {
    signUpUser(name: $name, password: $password) {
      ...SessionFields
    }
  }
`);

export const SignUpBusinessDocument = graphql(`
  mutation SignUpBusiness($name: String!, $password: String!) {
    signUpBusiness(name: $name, password: $password) {
      ...SessionFields
    }
  }
`);

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on AuthPayload {
    token
    refreshToken
    role
    id
    name
  }
`);

/** Trades the refresh token for a new pair; the one sent is retired. */
export const RefreshSessionDocument = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

/** Revokes the session on the server. */
export const LogoutDocument = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

/** Checks the stored token with the server after a reload. */
export const MeDocument = graphql(`
  query Me {
    me {
      id
      name
      role
    }
  }
`);
