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
    role
    id
    name
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
